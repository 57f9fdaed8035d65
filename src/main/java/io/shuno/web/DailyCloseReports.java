package io.shuno.web;

import io.shuno.dailyclose.DailyClose;
import io.shuno.dailyclose.DailyCloseReport;
import io.shuno.operations.Actor;
import io.shuno.reconciliation.InvalidIdentifierException;
import io.shuno.reconciliation.MunicipalityCode;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

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
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
        }
    }

    private static LocalDate businessDate(String date) {
        try {
            return LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "date must be a business date like 2026-06-20");
        }
    }
}
