package io.shuno.web;

import io.shuno.dailyclose.DailyCloseCsv;
import io.shuno.dailyclose.DailyCloseReport;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The 日計表 of one municipality and business day, as JSON or as CSV for Excel. The dashboard's download link
 * ({@value #DASHBOARD_CSV}) answers the same CSV to a logged-in browser session.
 */
@RestController
class DailyCloseController {

    static final String DASHBOARD_CSV = "/dashboard/daily-close.csv";

    private final DailyCloseReports reports;
    private final ApiUserDirectory users;

    DailyCloseController(DailyCloseReports reports, ApiUserDirectory users) {
        this.reports = reports;
        this.users = users;
    }

    @Operation(summary = "The 日計表 of one municipality and business day (JSON)")
    @GetMapping(path = "/api/v1/daily-close", produces = MediaType.APPLICATION_JSON_VALUE)
    DailyCloseReport json(@RequestParam String municipality, @RequestParam String date, Authentication caller) {
        return reports.report(municipality, date, users.actor(caller));
    }

    @Operation(summary = "The 日計表 as CSV (UTF-8 with BOM, for Excel)")
    @GetMapping(path = {"/api/v1/daily-close", DASHBOARD_CSV}, produces = "text/csv")
    ResponseEntity<byte[]> csv(@RequestParam String municipality, @RequestParam String date, Authentication caller) {
        DailyCloseReport report = reports.report(municipality, date, users.actor(caller));
        return CsvDownload.of("nikkei-" + report.municipalityCode() + "-" + report.businessDate() + ".csv",
                DailyCloseCsv.of(report));
    }
}
