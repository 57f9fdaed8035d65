package io.shuno.web;

import io.shuno.dailyclose.DailyClose;
import io.shuno.dailyclose.DailyCloseCsv;
import io.shuno.dailyclose.DailyCloseReport;
import io.shuno.reconciliation.InvalidIdentifierException;
import io.shuno.reconciliation.MunicipalityCode;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** The 日計表 of one municipality and business day, as JSON or as CSV for Excel. */
@RestController
class DailyCloseController {

    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final DailyClose dailyClose;
    private final ApiUserDirectory users;

    DailyCloseController(DailyClose dailyClose, ApiUserDirectory users) {
        this.dailyClose = dailyClose;
        this.users = users;
    }

    @Operation(summary = "The 日計表 of one municipality and business day (JSON)")
    @GetMapping(path = "/api/v1/daily-close", produces = MediaType.APPLICATION_JSON_VALUE)
    DailyCloseReport json(@RequestParam String municipality, @RequestParam String date, Authentication caller) {
        return report(municipality, date, caller);
    }

    @Operation(summary = "The 日計表 as CSV (UTF-8 with BOM, for Excel)")
    @GetMapping(path = "/api/v1/daily-close", produces = "text/csv")
    ResponseEntity<byte[]> csv(@RequestParam String municipality, @RequestParam String date, Authentication caller) {
        DailyCloseReport report = report(municipality, date, caller);
        return ResponseEntity.ok().contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("nikkei-" + report.municipalityCode() + "-" + report.businessDate() + ".csv")
                        .build().toString())
                .body(DailyCloseCsv.of(report));
    }

    private DailyCloseReport report(String municipality, String date, Authentication caller) {
        MunicipalityCode code = municipality(municipality);
        users.actor(caller).mustCover(Optional.of(code.value()));
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
