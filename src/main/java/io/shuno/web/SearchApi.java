package io.shuno.web;

import io.shuno.operations.InvoiceStories;
import io.shuno.operations.InvoiceStory;
import io.shuno.operations.OperationFailure;
import io.shuno.reconciliation.PaymentKey;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Optional;
import java.util.stream.Stream;

/**
 * Search: the full story of one invoice, by exactly one of invoiceId, eL番号, コンビニ barcode, 口座振替 顧客番号 (the
 * latest debit asked for under it) or payment reference.
 */
@RestController
@Tag(name = "Search")
class SearchApi {

    private final InvoiceStories stories;
    private final ApiUserDirectory users;

    SearchApi(InvoiceStories stories, ApiUserDirectory users) {
        this.stories = stories;
        this.users = users;
    }

    @GetMapping("/api/v1/search")
    @Operation(summary = "The invoice, its payments, settlements, exceptions and resolutions in one answer")
    InvoiceStory search(@RequestParam Optional<String> invoiceId, @RequestParam Optional<String> elNumber,
                        @RequestParam Optional<String> barcode, @RequestParam Optional<String> customerNumber,
                        @RequestParam Optional<String> paymentRef, Authentication caller) {
        if (Stream.of(invoiceId, elNumber, barcode, customerNumber, paymentRef).filter(Optional::isPresent).count()
                != 1) {
            throw new OperationFailure(OperationFailure.Why.INVALID_REQUEST,
                    "give exactly one of invoiceId, elNumber, barcode, customerNumber, paymentRef");
        }
        var actor = users.actor(caller);
        return invoiceId.map(id -> stories.ofInvoice(id, actor))
                .or(() -> elNumber.map(el -> stories.ofKey(PaymentKey.Type.EL_NUMBER, el, actor)))
                .or(() -> barcode.map(code -> stories.ofKey(PaymentKey.Type.CONVENIENCE_BARCODE, code, actor)))
                .or(() -> customerNumber.map(number -> stories.ofCustomerNumber(number, actor)))
                .orElseGet(() -> stories.ofPayment(paymentRef.orElseThrow(), actor));
    }
}
