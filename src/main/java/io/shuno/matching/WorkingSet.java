package io.shuno.matching;

import io.shuno.reconciliation.ElNumber;
import io.shuno.reconciliation.ExceptionResolution;
import io.shuno.reconciliation.Invoice;
import io.shuno.reconciliation.InvoiceId;
import io.shuno.reconciliation.InvoiceLedger;
import io.shuno.reconciliation.MunicipalityCode;
import io.shuno.reconciliation.NoticeStage;
import io.shuno.reconciliation.OpenBookings;
import io.shuno.reconciliation.OpenSettlement;
import io.shuno.reconciliation.SaleState;
import io.shuno.reconciliation.Outcome;
import io.shuno.reconciliation.PayerInvoices;
import io.shuno.reconciliation.PaymentRef;
import io.shuno.reconciliation.PaymentState;
import io.shuno.reconciliation.Settlement;
import io.shuno.reconciliation.StaffException;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The state one batch works on, loaded once under lock, changed in memory message by message, and written back
 * with one statement per table. Later messages of the batch see what earlier ones did. A payer's other open
 * invoices, needed only for the 充当 advice of an excess, are read the first time a message asks for them.
 */
final class WorkingSet implements PayerInvoices {

    private final Map<InvoiceId, Invoice> invoices = new HashMap<>();
    private final Map<ElNumber, InvoiceId> invoiceByElNumber = new HashMap<>();
    private final Function<Payer, Collection<Invoice>> openInvoicesOf;
    private final Set<Payer> payersRead = new HashSet<>();
    private final Map<PaymentRef, PaymentState> payments;
    private final OpenBookings openBookings;
    private final Map<String, SaleState> sales;
    private final Map<String, SaleState> changedSales = new LinkedHashMap<>();
    private final Map<String, StoredFingerprint> handledFingerprints;
    private final Map<InvoiceId, Invoice> changedInvoices = new LinkedHashMap<>();
    private final Map<PaymentRef, PaymentState> changedPayments = new LinkedHashMap<>();
    private final List<InboxEntry> handled = new ArrayList<>();
    private final List<Settlement> settlements = new ArrayList<>();
    private final List<StaffException> exceptions = new ArrayList<>();
    private final List<ExceptionResolution> resolutions = new ArrayList<>();

    /** {@code openInvoicesOf} reads a payer's open invoices for advice: read, not locked. */
    WorkingSet(Map<InvoiceId, Invoice> locked, Function<Payer, Collection<Invoice>> openInvoicesOf,
               Map<PaymentRef, PaymentState> payments, OpenBookings openBookings, Map<String, SaleState> sales,
               Map<String, StoredFingerprint> handledFingerprints) {
        locked.values().forEach(this::put);
        this.openInvoicesOf = openInvoicesOf;
        this.payments = new HashMap<>(payments);
        this.openBookings = openBookings;
        this.sales = new HashMap<>(sales);
        this.handledFingerprints = new HashMap<>(handledFingerprints);
    }

    /** The fingerprint under which this message id was handled before, if it was. */
    Optional<StoredFingerprint> handledFingerprint(String messageId) {
        return Optional.ofNullable(handledFingerprints.get(messageId));
    }

    Optional<Invoice> invoiceWith(ElNumber elNumber) {
        return Optional.ofNullable(invoiceByElNumber.get(elNumber)).map(invoices::get);
    }

    Optional<PaymentState> payment(PaymentRef ref) {
        return Optional.ofNullable(payments.get(ref));
    }

    Optional<Invoice> invoice(InvoiceId id) {
        return Optional.ofNullable(invoices.get(id));
    }

    Map<InvoiceId, Invoice> invoices() {
        return Map.copyOf(invoices);
    }

    Optional<SaleState> sale(String transactionId) {
        return Optional.ofNullable(sales.get(transactionId));
    }

    List<OpenSettlement> openOf(PaymentRef payment) {
        return openBookings.openOf(payment);
    }

    void recorded(SaleState sale) {
        sales.put(sale.transactionId(), sale);
        changedSales.put(sale.transactionId(), sale);
    }

    List<SaleState> changedSales() {
        return List.copyOf(changedSales.values());
    }

    InvoiceLedger ledgerOf(InvoiceId id, Optional<ElNumber> elNumber) {
        Optional<Invoice> invoice = Optional.ofNullable(invoices.get(id));
        Optional<ElNumber> el = invoice.flatMap(i -> i.terms().elNumber()).or(() -> elNumber);
        long announced = el.map(number -> payments.values().stream()
                .filter(p -> p.elNumber().equals(number) && p.stage() == NoticeStage.PRELIMINARY)
                .mapToLong(PaymentState::amount).sum()).orElse(0L);
        return new InvoiceLedger(invoice, openBookings.revenueOf(id),
                el.map(openBookings::suspendedFor).orElse(List.of()), announced);
    }

    @Override
    public List<Invoice> of(MunicipalityCode municipality, String payerId) {
        Payer payer = new Payer(municipality, payerId);
        if (payersRead.add(payer)) {
            // What this batch locked or changed is newer than what the table says.
            openInvoicesOf.apply(payer).stream()
                    .filter(invoice -> !invoices.containsKey(invoice.id())).forEach(this::put);
        }
        return invoices.values().stream().filter(invoice -> invoice.terms().municipality().equals(municipality)
                && invoice.terms().payerId().equals(payerId)).toList();
    }

    /** Records a handled message and what it did; {@code paidAgainst} is the eL番号 a payment named, if any. */
    void handled(String source, Inbound<?> message, Outcome outcome, Optional<ElNumber> paidAgainst) {
        handledFingerprints.put(message.messageId(), message.fingerprint().stored());
        handled.add(new InboxEntry(source, message.messageId(), message.fingerprint().stored(), message.position()));
        outcome.invoices().forEach(invoice -> {
            put(invoice);
            changedInvoices.put(invoice.id(), invoice);
        });
        outcome.payment().ifPresent(payment -> {
            payments.put(payment.paymentRef(), payment);
            changedPayments.put(payment.paymentRef(), payment);
        });
        outcome.settlements().forEach(settlement -> openBookings.record(settlement, paidAgainst));
        settlements.addAll(outcome.settlements());
        exceptions.addAll(outcome.exceptions());
        resolutions.addAll(outcome.resolutions());
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

    List<ExceptionResolution> resolutions() {
        return resolutions;
    }

    private void put(Invoice invoice) {
        invoices.put(invoice.id(), invoice);
        invoice.terms().elNumber().ifPresent(el -> invoiceByElNumber.put(el, invoice.id()));
    }
}
