package io.shuno.matching;

import io.shuno.exceptions.ExceptionJournal;
import io.shuno.ledger.SettlementHistory;
import io.shuno.ledger.SettlementJournal;
import io.shuno.reconciliation.Invoice;
import io.shuno.reconciliation.InvoiceId;
import io.shuno.reconciliation.OpenSettlement;
import io.shuno.reconciliation.PaymentKey;
import io.shuno.reconciliation.PaymentRef;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a batch reads and writes, in the caller's transaction. Reading turns the batch's {@link Needs} into its
 * {@link LoadedState}: it finds the invoices the batch's keys name, locks those and the keys all at once (see
 * {@link ReconciliationLocks}), then reads what the decisions need, one bulk query per kind of state, skipping what
 * nobody needs. Writing takes the batch's {@link UnitOfWork}: one statement per table that changed.
 */
@Component
public class BatchStore {

    private final ReconciliationLocks locks;
    private final Inbox inbox;
    private final InvoiceStore invoices;
    private final PaymentStore payments;
    private final SettlementHistory history;
    private final SaleStore sales;
    private final AcquirerStatementStore statements;
    private final SettlementJournal settlementJournal;
    private final ExceptionJournal exceptionJournal;

    BatchStore(ReconciliationLocks locks, Inbox inbox, InvoiceStore invoices, PaymentStore payments,
               SettlementHistory history, SaleStore sales, AcquirerStatementStore statements,
               SettlementJournal settlementJournal, ExceptionJournal exceptionJournal) {
        this.locks = locks;
        this.inbox = inbox;
        this.invoices = invoices;
        this.payments = payments;
        this.history = history;
        this.sales = sales;
        this.statements = statements;
        this.settlementJournal = settlementJournal;
        this.exceptionJournal = exceptionJournal;
    }

    /** {@code source} and {@code messageIds} name the batch's messages, whose inbox fingerprints are read too. */
    @Transactional(propagation = Propagation.MANDATORY)
    public LoadedState lockAndLoad(String source, Needs needs, Collection<String> messageIds) {
        Set<InvoiceId> ids = new HashSet<>(needs.invoices);
        Set<InvoiceKey> named = new HashSet<>(needs.keys);
        if (!needs.voidedPayments.isEmpty()) {
            // A VOID reopens the invoices its SALE paid, or undoes the suspense of the slip it scanned; which ones
            // those are never changes, so ask before locking.
            history.openOf(needs.voidedPayments).values().forEach(open -> open.forEach(o ->
                    o.settlement().invoiceId().ifPresent(ids::add)));
            sales.load(needs.sales).values().forEach(sale -> sale.slip().map(InvoiceKey::of).ifPresent(named::add));
        }
        List<InvoiceKey> keys = List.copyOf(named);
        Map<InvoiceKey, InvoiceId> found = invoices.idsOf(keys);
        ids.addAll(found.values());
        List<InvoiceKey> unresolved = keys.stream().filter(key -> !found.containsKey(key)).toList();
        // A key that names an invoice is locked as that invoice (see ReconciliationLocks); only the others by name.
        locks.acquire(ids, unresolved, needs.sales.stream().map(ReconciliationLocks::saleKey).toList());
        // A SALE may have committed invoices for its VOID to reopen between the first look and the lock; they are
        // locked too, still before the first write.
        Map<PaymentRef, List<OpenSettlement>> booked = needs.voidedPayments.isEmpty() ? Map.of()
                : history.openOf(needs.voidedPayments);
        Set<InvoiceId> reopened = new HashSet<>();
        booked.values().forEach(open -> open.forEach(o -> o.settlement().invoiceId().ifPresent(reopened::add)));
        locks.acquireToo(reopened, ids);

        // Read under the locks, which keep the invoices (and so their keys) from changing until this batch commits.
        // A key that named no invoice may name one now: an invoice event adding it committed between the first look
        // and the lock (it held the key's lock, so it is visible now). Such an invoice, read in the same look, is
        // locked then and read again. Locking it out of order may deadlock two batches; PostgreSQL then ends one,
        // a transient fault, retried.
        Map<InvoiceId, Invoice> locked = new HashMap<>(ids.isEmpty() && unresolved.isEmpty() ? Map.of()
                : invoices.load(ids, unresolved));
        Set<InvoiceId> lockedNow = new HashSet<>(locked.keySet());
        if (locks.acquireToo(lockedNow, ids)) {
            locked.putAll(invoices.load(lockedNow));
        }
        LoadedState.Builder state = LoadedState.builder().handled(inbox.fingerprints(source, messageIds))
                .invoices(locked);
        Set<PaymentKey> paidAgainst = needs.invoiceBookings ? keysOf(locked.values(), keys) : Set.of();
        if (!needs.payments.isEmpty() || !paidAgainst.isEmpty()) {
            state.payments(payments.load(needs.payments, paidAgainst));
        }
        if (needs.invoiceBookings) {
            state.revenue(history.revenueOf(ids)).suspended(history.suspendedFor(paidAgainst));
        }
        if (!needs.sales.isEmpty()) {
            state.sales(sales.load(needs.sales));
        }
        if (!needs.voidedPayments.isEmpty()) {
            state.bookedByPayment(booked).openExceptions(exceptionJournal.openOf(needs.voidedPayments));
        }
        if (!needs.salesDays.isEmpty()) {
            state.salesTotals(sales.totals(needs.salesDays));
        }
        return state.build();
    }

    /** Every payment key of these invoices, and the keys the batch names. */
    private static Set<PaymentKey> keysOf(Collection<Invoice> locked, List<InvoiceKey> named) {
        Set<PaymentKey> keys = new HashSet<>();
        locked.forEach(invoice -> keys.addAll(invoice.terms().paymentKeys()));
        named.forEach(key -> keys.add(key.key()));
        return keys;
    }

    /** The state, with the open invoices of these payers read too (in one query): for 充当 advice. */
    public LoadedState withOpenInvoicesOf(LoadedState state, Set<Payer> payers) {
        return state.withOpenInvoicesOf(invoices.openInvoicesOf(payers));
    }

    /** Writes what the batch decided, after its last decision. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void write(UnitOfWork work) {
        inbox.record(work.handledMessages());
        invoices.save(work.addedInvoices(), work.updatedInvoices(), work.invoicesWithNewKeys());
        payments.save(work.addedPayments(), work.updatedPayments());
        sales.save(work.changedSales());
        statements.record(work.statements());
        settlementJournal.book(work.settlements());
        exceptionJournal.raise(work.exceptions());
        exceptionJournal.resolve(work.resolutions());
    }
}
