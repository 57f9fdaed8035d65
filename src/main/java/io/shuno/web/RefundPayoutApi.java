package io.shuno.web;

import io.shuno.operations.RefundPayouts;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;

/** The payout list of refunds decided on a day, as CSV for the payment system (UTF-8 with BOM). TREASURER. */
@RestController
@Tag(name = "Refunds")
class RefundPayoutApi {

    private final RefundPayouts payouts;
    private final ApiUserDirectory users;

    RefundPayoutApi(RefundPayouts payouts, ApiUserDirectory users) {
        this.payouts = payouts;
        this.users = users;
    }

    @Operation(summary = "還付支払一覧: the refunds (and appropriations' 還付加算金) decided on a day — payer, amount, "
            + "interest, reference, original payment; each export is audited")
    @GetMapping(path = "/api/v1/refunds/payout-list", produces = "text/csv")
    ResponseEntity<byte[]> payoutList(@RequestParam String municipality,
                                      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                                      Authentication caller) {
        byte[] csv = payouts.csv(municipality, date, users.actor(caller));
        return CsvDownload.of("kanpu-" + municipality + "-" + date + ".csv", csv);
    }
}
