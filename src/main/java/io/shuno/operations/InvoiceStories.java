package io.shuno.operations;

import io.shuno.exceptions.ExceptionQueries;
import io.shuno.ledger.SettlementLine;
import io.shuno.ledger.SettlementQueries;
import io.shuno.matching.InvoiceRecord;
import io.shuno.matching.MatchingQueries;
import io.shuno.matching.PaymentRecord;
import io.shuno.reconciliation.InvalidIdentifierException;
import io.shuno.reconciliation.PaymentKey;
import org.springframework.stereotype.Component;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Search: the full story of one invoice found by its invoiceId, its eL番号 or a payment's reference. */
@Component
public class InvoiceStories {

    private final MatchingQueries records;
    private final SettlementQueries settlements;
    private final ExceptionQueries exceptions;

    InvoiceStories(MatchingQueries records, SettlementQueries settlements, ExceptionQueries exceptions) {
        this.records = records;
        this.settlements = settlements;
        this.exceptions = exceptions;
    }

    public InvoiceStory ofInvoice(String invoiceId, Actor actor) {
        InvoiceRecord invoice = records.invoice(invoiceId)
                .orElseThrow(() -> OperationFailure.notFound("invoice " + invoiceId));
        return story(Optional.of(invoice), Optional.empty(), Set.of(), actor);
    }

    /**
     * The story of the invoice with this payment key among its slips (an eL番号, a コンビニ barcode), or of the payments
     * that named it while no invoice has it. A malformed key is refused as a bad request.
     */
    public InvoiceStory ofKey(PaymentKey.Type type, String value, Actor actor) {
        PaymentKey key;
        try {
            key = PaymentKey.parse(type, value);
        } catch (InvalidIdentifierException e) {
            throw new OperationFailure(OperationFailure.Why.INVALID_REQUEST, e.getMessage());
        }
        return story(records.invoiceWithKey(key), Optional.of(key), Set.of(), actor);
    }

    /** The story of the latest invoice whose billing system asked for a 口座振替 under this 顧客番号. */
    public InvoiceStory ofCustomerNumber(String customerNumber, Actor actor) {
        InvoiceRecord invoice = records.invoiceWithCustomerNumber(customerNumber).orElseThrow(() ->
                OperationFailure.notFound("an invoice with 顧客番号 " + customerNumber.strip()));
        return story(Optional.of(invoice), Optional.empty(), Set.of(), actor);
    }

    /** The story of the invoice with this id or, when none has it, of the latest debit under this 顧客番号. */
    public InvoiceStory ofInvoiceOrCustomerNumber(String invoiceIdOrCustomerNumber, Actor actor) {
        InvoiceRecord invoice = records.invoice(invoiceIdOrCustomerNumber)
                .or(() -> records.invoiceWithCustomerNumber(invoiceIdOrCustomerNumber)).orElseThrow(() ->
                        OperationFailure.notFound("an invoice with id or 顧客番号 " + invoiceIdOrCustomerNumber));
        return story(Optional.of(invoice), Optional.empty(), Set.of(), actor);
    }

    public InvoiceStory ofPayment(String paymentRef, Actor actor) {
        Optional<PaymentKey> key = records.keyOf(paymentRef);
        // The payment's key names its invoice, unless it was mistyped and staff matched the payment by hand.
        Optional<InvoiceRecord> invoice = key.flatMap(records::invoiceWithKey)
                .or(() -> settlements.lastInvoiceOf(paymentRef).flatMap(records::invoice));
        return story(invoice, key, Set.of(paymentRef), actor);
    }

    private InvoiceStory story(Optional<InvoiceRecord> invoice, Optional<PaymentKey> key, Set<String> knownPayments,
                               Actor actor) {
        Optional<String> invoiceId = invoice.map(InvoiceRecord::invoiceId);
        List<PaymentRecord> payments = records.payments(invoiceId, key, knownPayments);
        Set<String> refs = new LinkedHashSet<>(knownPayments);
        payments.forEach(payment -> refs.add(payment.paymentRef()));
        List<SettlementLine> booked = settlements.about(invoiceId, refs);
        if (invoice.isEmpty() && payments.isEmpty() && booked.isEmpty()) {
            throw new OperationFailure(OperationFailure.Why.NOT_FOUND, "no invoice, payment or settlement matches");
        }
        Set<String> municipalities = new LinkedHashSet<>();
        invoice.ifPresent(i -> municipalities.add(i.municipalityCode()));
        booked.forEach(s -> municipalities.add(s.municipalityCode()));
        municipalities.forEach(code -> actor.mustCover(Optional.of(code)));
        return new InvoiceStory(invoice.orElse(null), payments, booked, exceptions.about(invoiceId, refs),
                exceptions.resolutionsAbout(invoiceId, refs));
    }
}
