package io.shuno.matching;

import io.shuno.exceptions.ExceptionJournal;
import io.shuno.ledger.SettlementHistory;
import io.shuno.ledger.SettlementJournal;
import io.shuno.reconciliation.ElNumber;
import io.shuno.reconciliation.Invoice;
import io.shuno.reconciliation.InvoiceId;
import io.shuno.reconciliation.OpenSettlement;
import io.shuno.reconciliation.PaymentRef;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a batch reads and writes, in the caller's transaction. Reading turns the batch's {@link Needs} into its
 * {@link LoadedState}: it finds every key the batch must lock, locks them all at once (see
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
    private static final String UNLOCKED =
            "an invoice of the batch was issued or paid while the batch waited for its locks; the batch is read again";

    @Transactional(propagation = Propagation.MANDATORY)
    public LoadedState lockAndLoad(String source, Needs needs, Collection<String> messageIds) {
        Set<InvoiceId> ids = new HashSet<>(needs.invoices);
        Set<ElNumber> elNumbers = new HashSet<>(needs.elNumbers);
        if (!needs.voidedPayments.isEmpty()) {
            // A VOID reopens the invoices its SALE paid, or undoes the suspense of the slip it scanned; which ones
            // those are never changes, so ask before locking.
            history.openOf(needs.voidedPayments).values().forEach(open -> open.forEach(o ->
                    o.settlement().invoiceId().ifPresent(ids::add)));
            sales.load(needs.sales).values().forEach(sale -> sale.slip().ifPresent(elNumbers::add));
        }
        if (!ids.isEmpty() || !elNumbers.isEmpty()) {
            // An invoice's id and eL番号 never change, so both are known before locking.
            invoices.keysOf(ids, elNumbers).forEach((id, el) -> {
                ids.add(id);
                el.ifPresent(elNumbers::add);
            });
        }
        locks.acquire(ids, elNumbers, needs.sales.stream().map(ReconciliationLocks::saleKey).toList());

        // Read under the locks: an ISSUED event may have committed between the lookup and the lock, and its
        // eL番号 lock (held here) keeps it from changing until this batch commits.
        LoadedState.Builder state = LoadedState.builder().handled(inbox.fingerprints(source, messageIds));
        if (!ids.isEmpty() || !elNumbers.isEmpty()) {
            Map<InvoiceId, Invoice> loaded = invoices.load(ids, elNumbers);
            requireLocked(loaded.values(), ids, elNumbers);
            state.invoices(loaded);
        }
        Set<ElNumber> paidAgainst = needs.invoiceBookings ? elNumbers : Set.of();
        if (!needs.payments.isEmpty() || !paidAgainst.isEmpty()) {
            state.payments(payments.load(needs.payments, paidAgainst));
        }
        if (needs.invoiceBookings) {
            state.revenue(history.revenueOf(ids)).suspended(history.suspendedFor(elNumbers));
        }
        if (!needs.sales.isEmpty()) {
            state.sales(sales.load(needs.sales));
        }
        if (!needs.voidedPayments.isEmpty()) {
            Map<PaymentRef, List<OpenSettlement>> booked = history.openOf(needs.voidedPayments);
            requireLocked(booked.values().stream().flatMap(List::stream)
                    .flatMap(open -> open.settlement().invoiceId().stream()).toList(), ids);
            state.bookedByPayment(booked).openExceptions(exceptionJournal.openOf(needs.voidedPayments));
        }
        if (!needs.salesDays.isEmpty()) {
            state.salesTotals(sales.totals(needs.salesDays));
        }
        return state.build();
    }

    /**
     * The keys of an invoice are looked up before locking; one issued or paid by a batch that committed while this one
     * waited for its locks can come back under a key this batch did not lock, and another batch holding that key could
     * change it at the same time. Then the batch is read again (a transient fault, retried after a back-off), when
     * the lookup finds the invoice.
     */
    private static void requireLocked(Collection<Invoice> loaded, Set<InvoiceId> ids, Set<ElNumber> elNumbers) {
        boolean unlocked = loaded.stream().anyMatch(invoice -> !ids.contains(invoice.id())
                || invoice.terms().elNumber().filter(el -> !elNumbers.contains(el)).isPresent());
        if (unlocked) {
            throw new CannotAcquireLockException(UNLOCKED);
        }
    }

    private static void requireLocked(List<InvoiceId> bookedAgainst, Set<InvoiceId> ids) {
        if (!ids.containsAll(bookedAgainst)) {
            throw new CannotAcquireLockException(UNLOCKED);
        }
    }

    /** The state, with the open invoices of these payers read too (in one query): for 充当 advice. */
    public LoadedState withOpenInvoicesOf(LoadedState state, Set<Payer> payers) {
        return state.withOpenInvoicesOf(invoices.openInvoicesOf(payers));
    }

    /** Writes what the batch decided, after its last decision. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void write(UnitOfWork work) {
        inbox.record(work.handledMessages());
        invoices.save(work.changedInvoices());
        payments.save(work.changedPayments());
        sales.save(work.changedSales());
        statements.record(work.statements());
        settlementJournal.book(work.settlements());
        exceptionJournal.raise(work.exceptions());
        exceptionJournal.resolve(work.resolutions());
    }
}
