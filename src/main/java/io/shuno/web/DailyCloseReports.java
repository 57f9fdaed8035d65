package io.shuno.web;

import io.shuno.dailyclose.DailyClose;
import io.shuno.dailyclose.DailyCloseReport;
import io.shuno.operations.Actor;
import io.shuno.operations.OperationFailure;
import io.shuno.reconciliation.InvalidIdentifierException;
import io.shuno.reconciliation.MunicipalityCode;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** The 日計表 asked for by a caller, for the API and the dashboard alike: valid request, caller's municipality. */
@Component
class DailyCloseReports {

    private final DailyClose dailyClose;

    DailyCloseReports(DailyClose dailyClose) {
        this.dailyClose = dailyClose;
    }

    DailyCloseReport report(String municipality, String date, Actor caller) {
        MunicipalityCode code = municipality(municipality);
        caller.mustCover(Optional.of(code.value()));
        return dailyClose.of(code, businessDate(date));
    }

    private static MunicipalityCode municipality(String code) {
        try {
            return new MunicipalityCode(code);
        } catch (InvalidIdentifierException e) {
            throw new OperationFailure(OperationFailure.Why.INVALID_REQUEST, "municipality: " + e.getMessage());
        }
    }

    private static LocalDate businessDate(String date) {
        try {
            return LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            throw InvalidParameter.format("date", "a business date", "2026-06-20");
        }
    }
}
