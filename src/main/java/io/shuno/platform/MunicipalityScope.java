package io.shuno.platform;

import java.util.Set;

/**
 * The municipalities (団体コード) whose records a caller may see: the given codes, or all of them for a central
 * operator — who alone sees records that name no municipality.
 */
public record MunicipalityScope(Set<String> municipalities, boolean allMunicipalities) {

    public MunicipalityScope {
        municipalities = Set.copyOf(municipalities);
    }
}
