package io.shuno.matching;

import io.shuno.reconciliation.AcquirerStatement;
import io.shuno.reconciliation.ElNumber;
import io.shuno.reconciliation.ExceptionResolution;
import io.shuno.reconciliation.Invoice;
import io.shuno.reconciliation.InvoiceId;
import io.shuno.reconciliation.InvoiceLedger;
import io.shuno.reconciliation.MunicipalityCode;
import io.shuno.reconciliation.OpenBookings;
import io.shuno.reconciliation.OpenSettlement;
import io.shuno.reconciliation.Outcome;
import io.shuno.reconciliation.PayerInvoices;
import io.shuno.reconciliation.PaymentKey;
import io.shuno.reconciliation.PaymentRef;
import io.shuno.reconciliation.PaymentState;
import io.shuno.reconciliation.SaleState;
import io.shuno.reconciliation.SalesTotals;
import io.shuno.reconciliation.Settlement;
import io.shuno.reconciliation.StaffException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One pass of a batch's decisions over its {@link LoadedState}: the state as the decisions see it (what was loaded,
 * with what earlier messages of the batch changed on top) and the changes to write, once, when the batch is decided.
 * It reads nothing: a decision that asks for a payer's open invoices that were not loaded gets the batch's own and is
 * noted in {@link #payersNotLoaded()}, so that the batch can be decided again with them loaded.
 */
public final class UnitOfWork implements PayerInvoices {

    /** Whether a message's id was handled before, and if so, with the same content. */
    public enum Seen { NEW, REDELIVERED, CONFLICTING }

    private final String source;
    private final LoadedState loaded;
    private final Map<InvoiceId, Invoice> invoices;
    private final Map<InvoiceKey, InvoiceId> invoiceByKey = new HashMap<>();
    private final Map<Payer, Map<InvoiceId, Invoice>> invoicesByPayer = new HashMap<>();
    private final Map<PaymentRef, PaymentState> payments;
    private final Map<String, SaleState> sales;
    private final OpenBookings openBookings;
    private final Map<String, StoredFingerprint> handledFingerprints;
    private final Set<Payer> payersNotLoaded = new LinkedHashSet<>();

    private final List<InboxEntry> handled = new ArrayList<>();
    private final Map<InvoiceId, Invoice> changedInvoices = new LinkedHashMap<>();
    private final Map<PaymentRef, PaymentState> changedPayments = new LinkedHashMap<>();
    private final Map<String, SaleState> changedSales = new LinkedHashMap<>();
    private final List<AcquirerStatement> statements = new ArrayList<>();
    private final List<Settlement> settlements = new ArrayList<>();
    private final List<StaffException> exceptions = new ArrayList<>();
    private final List<ExceptionResolution> resolutions = new ArrayList<>();
    private final Map<PaymentRef, String> voided = new LinkedHashMap<>();

    /** {@code source} is the inbox's name for where the batch's messages come from, e.g. "eltax-notice". */
    public UnitOfWork(String source, LoadedState loaded) {
        this.source = source;
        this.loaded = loaded;
        this.invoices = new HashMap<>();
        loaded.invoices.values().forEach(this::put);
        this.payments = new HashMap<>(loaded.payments);
        this.sales = new HashMap<>(loaded.sales);
        this.openBookings = loaded.openBookings();
        this.handledFingerprints = new HashMap<>(loaded.handled);
    }

    public Seen seen(Inbound<?> message) {
        StoredFingerprint before = handledFingerprints.get(message.messageId());
        if (before == null) {
            return Seen.NEW;
        }
        return message.fingerprint().matches(before, message.command()) ? Seen.REDELIVERED : Seen.CONFLICTING;
    }

    /** The invoice that has this eL番号 among its slips (its first one or a reissued one). */
    public Optional<Invoice> invoiceWith(ElNumber elNumber) {
        return invoiceWith(elNumber.municipality(), PaymentKey.of(elNumber));
    }

    /** The invoice of {@code municipality} that has this payment key among its slips. */
    public Optional<Invoice> invoiceWith(MunicipalityCode municipality, PaymentKey key) {
        return Optional.ofNullable(invoiceByKey.get(new InvoiceKey(municipality, key))).map(invoices::get);
    }

    public Optional<Invoice> invoice(InvoiceId id) {
        return Optional.ofNullable(invoices.get(id));
    }

    public Map<InvoiceId, Invoice> invoices() {
        return Map.copyOf(invoices);
    }

    public Optional<PaymentState> payment(PaymentRef ref) {
        return Optional.ofNullable(payments.get(ref));
    }

    public Optional<SaleState> sale(String transactionId) {
        return Optional.ofNullable(sales.get(transactionId));
    }

    public List<OpenSettlement> openOf(PaymentRef payment) {
        return openBookings.openOf(payment);
    }

    public SalesTotals salesOf(SalesDay day) {
        return Optional.ofNullable(loaded.salesTotals.get(day)).orElseThrow(() ->
                new IllegalStateException("the sales of a day were not declared as needed"));
    }

    /** Invoice {@code id}'s ledger; {@code named} are the payment keys its event names (new slips among them). */
    public InvoiceLedger ledgerOf(InvoiceId id, List<PaymentKey> named) {
        return InvoiceLedger.of(id, invoice(id), named, openBookings, payments.values());
    }

    @Override
    public List<Invoice> of(MunicipalityCode municipality, String payerId) {
        Payer payer = new Payer(municipality, payerId);
        List<Invoice> read = loaded.openInvoicesOfPayers.get(payer);
        if (read == null) {
            payersNotLoaded.add(payer);
        }
        // What this batch locked or changed is newer than what was read for advice.
        Map<InvoiceId, Invoice> ofPayer = new LinkedHashMap<>();
        (read == null ? List.<Invoice>of() : read).forEach(invoice -> ofPayer.put(invoice.id(), invoice));
        ofPayer.putAll(invoicesByPayer.getOrDefault(payer, Map.of()));
        return List.copyOf(ofPayer.values());
    }

    /** Payers whose open invoices a decision asked for, but were not loaded: decide again with them loaded. */
    public Set<Payer> payersNotLoaded() {
        return Set.copyOf(payersNotLoaded);
    }

    /** Records a handled message and what it did; {@code paidAgainst} is the key a payment named, if any. */
    public void handled(Inbound<?> message, Outcome outcome, Optional<PaymentKey> paidAgainst) {
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
        outcome.settlements().forEach(settlement -> openBookings.recordAgainst(settlement, paidAgainst));
        settlements.addAll(outcome.settlements());
        exceptions.addAll(outcome.exceptions());
        resolutions.addAll(outcome.resolutions());
    }

    /** A conflicting duplicate is not applied and not recorded in the inbox; only its exception is kept. */
    public void refused(StaffException exception) {
        exceptions.add(exception);
    }

    public void recorded(SaleState sale) {
        sales.put(sale.transactionId(), sale);
        changedSales.put(sale.transactionId(), sale);
    }

    public void received(AcquirerStatement statement) {
        statements.add(statement);
    }

    /**
     * A VOID cancelled this payment: what was raised about it before this batch no longer needs anyone, and is
     * resolved by the VOID's {@code cause} — except what this batch raised (a refund the card got back too), which
     * is for staff to act on, and what this batch resolves otherwise.
     */
    public void voided(PaymentRef payment, String cause) {
        voided.put(payment, cause);
    }

    // What the batch writes: read by BatchStore, and by tests of what a source decides.

    List<InboxEntry> handledMessages() {
        return handled;
    }

    /** The invoices the batch created: not loaded, since they did not exist. */
    List<Invoice> addedInvoices() {
        return changedWhere(changedInvoices, loaded.invoices, false);
    }

    /** The invoices the batch changed that were loaded. */
    List<Invoice> updatedInvoices() {
        return changedWhere(changedInvoices, loaded.invoices, true);
    }

    /** The changed invoices whose payment keys (eL番号 and slips) are not those they were loaded with, or new ones. */
    List<Invoice> invoicesWithNewKeys() {
        return changedInvoices.values().stream().filter(invoice -> {
            Invoice before = loaded.invoices.get(invoice.id());
            return before == null || !sameKeys(before, invoice);
        }).toList();
    }

    /** The keys are the eL番号 and the slips: comparing those two needs no set of keys built for either. */
    private static boolean sameKeys(Invoice before, Invoice after) {
        return before.terms() == after.terms() || before.terms().elNumber().equals(after.terms().elNumber())
                && before.terms().slips().equals(after.terms().slips());
    }

    public List<Invoice> changedInvoices() {
        return List.copyOf(changedInvoices.values());
    }

    public List<PaymentState> changedPayments() {
        return List.copyOf(changedPayments.values());
    }

    /**
     * The payments the batch saw first, which have no row yet: a gateway's message declares its payment (see
     * {@link Needs#payment}), so one seen before was loaded; a counter SALE's payment is its transaction's, which the
     * inbox lets through once.
     */
    List<PaymentState> addedPayments() {
        return changedWhere(changedPayments, loaded.payments, false);
    }

    /** The payments the batch moved on that were loaded. */
    List<PaymentState> updatedPayments() {
        return changedWhere(changedPayments, loaded.payments, true);
    }

    /** What the batch changed, in the order it changed it, of what was loaded or of what was not. */
    private static <K, V> List<V> changedWhere(Map<K, V> changed, Map<K, ?> loaded, boolean wasLoaded) {
        return changed.entrySet().stream().filter(entry -> loaded.containsKey(entry.getKey()) == wasLoaded)
                .map(Map.Entry::getValue).toList();
    }

    public List<SaleState> changedSales() {
        return List.copyOf(changedSales.values());
    }

    public List<AcquirerStatement> statements() {
        return List.copyOf(statements);
    }

    public List<Settlement> settlements() {
        return List.copyOf(settlements);
    }

    public List<StaffException> exceptions() {
        return List.copyOf(exceptions);
    }

    /** The decisions' resolutions, then those of the VOIDs (see {@link #voided}). */
    public List<ExceptionResolution> resolutions() {
        List<ExceptionResolution> all = new ArrayList<>(resolutions);
        Set<String> resolved = new HashSet<>(resolutions.stream().map(ExceptionResolution::exceptionId).toList());
        voided.forEach((payment, cause) -> loaded.openExceptions.getOrDefault(payment, List.of()).stream()
                .filter(resolved::add).forEach(id -> all.add(new ExceptionResolution(id, cause))));
        return all;
    }

    /** Keeps the invoice, found by id, by payer and (when they are new to the batch) by its keys. */
    private void put(Invoice invoice) {
        Invoice before = invoices.put(invoice.id(), invoice);
        MunicipalityCode municipality = invoice.terms().municipality();
        if (before == null || !sameKeys(before, invoice)) {
            invoice.terms().paymentKeys().forEach(key -> invoiceByKey.put(new InvoiceKey(municipality, key),
                    invoice.id()));
        }
        if (before != null) {
            invoicesByPayer.get(payerOf(before)).remove(before.id()); // an amended invoice may name another payer
        }
        invoicesByPayer.computeIfAbsent(payerOf(invoice), payer -> new HashMap<>()).put(invoice.id(), invoice);
    }

    private static Payer payerOf(Invoice invoice) {
        return new Payer(invoice.terms().municipality(), invoice.terms().payerId());
    }
}
