package io.shuno.intake;

import com.fasterxml.jackson.databind.JsonNode;
import io.shuno.reconciliation.MunicipalityCode;

import java.util.Optional;

/**
 * The municipality a rejected record names, so that its dead letter is shown to that municipality's staff only:
 * its {@code municipalityCode}, else the one its eL番号 begins with. Empty when neither can be read (not JSON: no document).
 */
final class ClaimedMunicipality {

    private ClaimedMunicipality() {
    }

    static Optional<String> of(JsonNode document) {
        if (document == null || !document.isObject()) {
            return Optional.empty();
        }
        String code = document.path("municipalityCode").asText("");
        if (code.matches("\\d{6}")) {
            return Optional.of(code);
        }
        String elNumber = document.path("elNumber").asText("");
        if (elNumber.matches("\\d{34}")) {
            return Optional.of(MunicipalityCode.ofInstitutionCode(elNumber.substring(0, 5)).value());
        }
        return Optional.empty();
    }
}
