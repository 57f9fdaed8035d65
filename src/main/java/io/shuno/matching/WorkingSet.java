package io.shuno.matching;

import io.shuno.reconciliation.ElNumber;
import io.shuno.reconciliation.Invoice;
import io.shuno.reconciliation.InvoiceId;
import io.shuno.reconciliation.Outcome;
import io.shuno.reconciliation.PaymentRef;
import io.shuno.reconciliation.PaymentState;
import io.shuno.reconciliation.Settlement;
import io.shuno.reconciliation.StaffException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The state one batch works on, loaded once under lock, changed in memory message by message, and written back
 * with one batched statement per table. Later messages of the batch see what earlier ones did.
 */
final class WorkingSet {

    private final Map<InvoiceId, Invoice> invoices;
    private final Map<ElNumber, InvoiceId> invoiceByElNumber = new HashMap<>();
    private final Map<PaymentRef, PaymentState> payments;
    private final Map<String, String> handledFingerprints;
    private final Map<InvoiceId, Invoice> changedInvoices = new LinkedHashMap<>();
    private final Map<PaymentRef, PaymentState> changedPayments = new LinkedHashMap<>();
    private final List<InboxEntry> handled = new ArrayList<>();
    private final List<Settlement> settlements = new ArrayList<>();
    private final List<StaffException> exceptions = new ArrayList<>();

    WorkingSet(Map<InvoiceId, Invoice> invoices, Map<PaymentRef, PaymentState> payments,
               Map<String, String> handledFingerprints) {
        this.invoices = new HashMap<>(invoices);
        this.payments = new HashMap<>(payments);
        this.handledFingerprints = new HashMap<>(handledFingerprints);
        invoices.values().forEach(this::index);
    }

    /** The fingerprint under which this message id was handled before, if it was. */
    Optional<String> handledFingerprint(String messageId) {
        return Optional.ofNullable(handledFingerprints.get(messageId));
    }

    Optional<Invoice> invoice(InvoiceId id) {
        return Optional.ofNullable(invoices.get(id));
    }

    Optional<Invoice> invoiceWith(ElNumber elNumber) {
        return Optional.ofNullable(invoiceByElNumber.get(elNumber)).map(invoices::get);
    }

    Optional<PaymentState> payment(PaymentRef ref) {
        return Optional.ofNullable(payments.get(ref));
    }

    void handled(String source, Inbound<?> message, Outcome outcome) {
        handledFingerprints.put(message.messageId(), message.fingerprint());
        handled.add(new InboxEntry(source, message.messageId(), message.fingerprint(), message.position()));
        outcome.invoice().ifPresent(invoice -> {
            invoices.put(invoice.id(), invoice);
            changedInvoices.put(invoice.id(), invoice);
            index(invoice);
        });
        outcome.payment().ifPresent(payment -> {
            payments.put(payment.paymentRef(), payment);
            changedPayments.put(payment.paymentRef(), payment);
        });
        settlements.addAll(outcome.settlements());
        exceptions.addAll(outcome.exceptions());
    }

    /** A conflicting duplicate is not applied and not recorded in the inbox; only its exception is kept. */
    void refused(StaffException exception) {
        exceptions.add(exception);
    }

    List<InboxEntry> handledMessages() {
        return handled;
    }

    List<Invoice> changedInvoices() {
        return List.copyOf(changedInvoices.values());
    }

    List<PaymentState> changedPayments() {
        return List.copyOf(changedPayments.values());
    }

    List<Settlement> settlements() {
        return settlements;
    }

    List<StaffException> exceptions() {
        return exceptions;
    }

    private void index(Invoice invoice) {
        invoice.terms().elNumber().ifPresent(el -> invoiceByElNumber.put(el, invoice.id()));
    }
}
