package io.shuno.matching;

import io.shuno.exceptions.ExceptionJournal;
import io.shuno.ledger.SettlementHistory;
import io.shuno.ledger.SettlementJournal;
import io.shuno.reconciliation.ConflictingDuplicate;
import io.shuno.reconciliation.AcquirerStatement;
import io.shuno.reconciliation.ElNumber;
import io.shuno.reconciliation.ExceptionResolution;
import io.shuno.reconciliation.EltaxNotice;
import io.shuno.reconciliation.Invoice;
import io.shuno.reconciliation.InvoiceEvent;
import io.shuno.reconciliation.InvoiceId;
import io.shuno.reconciliation.OpenBookings;
import io.shuno.reconciliation.OpenSettlement;
import io.shuno.reconciliation.PaymentRef;
import io.shuno.reconciliation.Reconciler;
import io.shuno.reconciliation.SaleState;
import io.shuno.reconciliation.StaffException;
import io.shuno.reconciliation.TerminalOutcome;
import io.shuno.reconciliation.TerminalTransaction;
import io.shuno.reconciliation.TerminalTransactionType;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Applies validated messages to the stored invoices and payments, exactly once: in the caller's transaction it locks
 * every invoice the batch touches, skips what the inbox has already handled, lets the pure {@link Reconciler}
 * decide, and writes state, inbox rows, settlements and exceptions together.
 */
@Component
public class PaymentMatching {

    static final String INVOICE_EVENTS = "invoice-event";
    static final String ELTAX_NOTICES = "eltax-notice";
    static final String TERMINAL_TRANSACTIONS = "terminal-transaction";
    static final String ACQUIRER_STATEMENTS = "acquirer-statement";

    private final Reconciler reconciler;
    private final ReconciliationLocks locks;
    private final Inbox inbox;
    private final InvoiceStore invoices;
    private final PaymentStore payments;
    private final SettlementHistory history;
    private final SettlementJournal settlementJournal;
    private final ExceptionJournal exceptionJournal;
    private final SaleStore sales;
    private final AcquirerStatementStore statementStore;

    PaymentMatching(Reconciler reconciler, ReconciliationLocks locks, Inbox inbox, InvoiceStore invoices,
                    PaymentStore payments, SettlementHistory history, SettlementJournal settlementJournal,
                    ExceptionJournal exceptionJournal, SaleStore sales, AcquirerStatementStore statementStore) {
        this.reconciler = reconciler;
        this.locks = locks;
        this.inbox = inbox;
        this.invoices = invoices;
        this.payments = payments;
        this.history = history;
        this.settlementJournal = settlementJournal;
        this.exceptionJournal = exceptionJournal;
        this.sales = sales;
        this.statementStore = statementStore;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void applyInvoiceEvents(List<Inbound<InvoiceEvent>> events) {
        if (events.isEmpty()) {
            return;
        }
        Set<InvoiceId> ids = new HashSet<>();
        Set<ElNumber> elNumbers = new HashSet<>();
        events.forEach(event -> {
            ids.add(event.command().terms().id());
            event.command().terms().elNumber().ifPresent(elNumbers::add);
        });
        elNumbers.addAll(invoices.elNumbersOf(ids).values());
        locks.acquire(ids, elNumbers, List.of());

        WorkingSet work = new WorkingSet(invoices.load(ids), invoices::openInvoicesOf, payments.paidAgainst(elNumbers),
                new OpenBookings(history.revenueOf(ids), history.suspendedFor(elNumbers)), Map.of(),
                inbox.fingerprints(INVOICE_EVENTS, messageIds(events)));
        for (Inbound<InvoiceEvent> event : events) {
            InvoiceEvent command = event.command();
            applyOnce(work, event, command, ConflictingDuplicate::of, () -> work.handled(INVOICE_EVENTS, event,
                    reconciler.onInvoiceEvent(work.ledgerOf(command.terms().id(), command.terms().elNumber()),
                            command, work), Optional.empty()));
        }
        write(work);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void applyEltaxNotices(List<Inbound<EltaxNotice>> notices) {
        if (notices.isEmpty()) {
            return;
        }
        Set<ElNumber> elNumbers = new HashSet<>();
        Set<PaymentRef> refs = new HashSet<>();
        notices.forEach(notice -> {
            elNumbers.add(notice.command().elNumber());
            refs.add(notice.command().paymentRef());
        });
        locks.acquire(invoices.idsByElNumber(elNumbers).values(), elNumbers, List.of());

        // Read under the locks: an ISSUED event may have committed between the lookup and the lock, and its
        // eL番号 lock (held here) keeps it from changing until this batch commits.
        WorkingSet work = new WorkingSet(invoices.loadByElNumber(elNumbers), invoices::openInvoicesOf,
                payments.load(refs), new OpenBookings(Map.of(), Map.of()), Map.of(),
                inbox.fingerprints(ELTAX_NOTICES, messageIds(notices)));
        for (Inbound<EltaxNotice> notice : notices) {
            EltaxNotice command = notice.command();
            applyOnce(work, notice, command, ConflictingDuplicate::of, () -> work.handled(ELTAX_NOTICES, notice,
                    reconciler.onNotice(work.invoiceWith(command.elNumber()), work.payment(command.paymentRef()),
                            command, work), Optional.of(command.elNumber())));
        }
        write(work);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void applyTerminalTransactions(List<Inbound<TerminalTransaction>> transactions) {
        if (transactions.isEmpty()) {
            return;
        }
        Set<InvoiceId> ids = new HashSet<>();
        Set<ElNumber> elNumbers = new HashSet<>();
        Set<String> saleIds = new HashSet<>();
        Set<PaymentRef> voidedPayments = new HashSet<>();
        for (Inbound<TerminalTransaction> inbound : transactions) {
            TerminalTransaction transaction = inbound.command();
            ids.addAll(transaction.invoiceIds());
            transaction.elQr().ifPresent(qr -> elNumbers.add(qr.elNumber()));
            saleIds.add(transaction.originalTransactionId().orElse(transaction.transactionId()));
            transaction.originalTransactionId().ifPresent(original ->
                    voidedPayments.add(PaymentRef.terminal(original)));
        }
        // A VOID reopens the invoices its SALE paid, or undoes the suspense of the slip it scanned; which ones those
        // are never changes, so ask before locking.
        Map<PaymentRef, List<OpenSettlement>> openOfVoided = history.openOf(voidedPayments);
        openOfVoided.values().forEach(open -> open.forEach(o -> o.settlement().invoiceId().ifPresent(ids::add)));
        if (!voidedPayments.isEmpty()) {
            sales.load(saleIds).values().forEach(sale -> sale.slip().ifPresent(elNumbers::add));
        }
        ids.addAll(invoices.idsByElNumber(elNumbers).values());
        elNumbers.addAll(invoices.elNumbersOf(ids).values());
        locks.acquire(ids, elNumbers, saleIds.stream().map(ReconciliationLocks::saleKey).toList());

        Map<InvoiceId, Invoice> locked = invoices.load(ids);
        locked.putAll(invoices.loadByElNumber(elNumbers));
        WorkingSet work = new WorkingSet(locked, invoices::openInvoicesOf, Map.of(),
                new OpenBookings(Map.of(), Map.of(), history.openOf(voidedPayments)), sales.load(saleIds),
                inbox.fingerprints(TERMINAL_TRANSACTIONS, messageIds(transactions)));
        Map<PaymentRef, String> voidedBy = new HashMap<>();
        for (Inbound<TerminalTransaction> inbound : transactions) {
            TerminalTransaction transaction = inbound.command();
            applyOnce(work, inbound, transaction, ConflictingDuplicate::of, () -> {
                TerminalOutcome outcome = transaction.type() == TerminalTransactionType.SALE
                        ? reconciler.onTerminalSale(transaction, invoicesOf(work, transaction), work)
                        : reconciler.onTerminalVoid(transaction, work.sale(transaction.originalTransactionId().orElseThrow()),
                        work.openOf(PaymentRef.terminal(transaction.originalTransactionId().orElseThrow())),
                        work.invoices());
                // A VOID's reversals belong to the slip its SALE scanned, whether or not the VOID repeats it.
                work.handled(TERMINAL_TRANSACTIONS, inbound, outcome.outcome(),
                        outcome.sale().flatMap(SaleState::slip));
                outcome.sale().ifPresent(sale -> {
                    work.recorded(sale);
                    if (sale.voided()) {
                        voidedBy.put(PaymentRef.terminal(sale.transactionId()), transaction.cause());
                    }
                });
            });
        }
        sales.save(work.changedSales());
        write(work);
        // What was raised about a sale that is now voided no longer needs anyone: the VOID resolved it — except what
        // the VOID itself raised (a refund the card got back too), which is for staff to act on.
        Set<String> raisedNow = new HashSet<>(work.exceptions().stream().map(StaffException::exceptionId).toList());
        voidedBy.forEach((sale, voiding) -> exceptionJournal.resolve(exceptionJournal.openOf(List.of(sale)).stream()
                .filter(id -> !raisedNow.contains(id)).map(id -> new ExceptionResolution(id, voiding)).toList()));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void applyAcquirerStatements(List<Inbound<AcquirerStatement>> statements) {
        if (statements.isEmpty()) {
            return;
        }
        WorkingSet work = new WorkingSet(Map.of(), invoices::openInvoicesOf, Map.of(),
                new OpenBookings(Map.of(), Map.of()), Map.of(), inbox.fingerprints(ACQUIRER_STATEMENTS,
                messageIds(statements)));
        for (Inbound<AcquirerStatement> inbound : statements) {
            AcquirerStatement statement = inbound.command();
            applyOnce(work, inbound, statement, ConflictingDuplicate::of, () -> {
                work.handled(ACQUIRER_STATEMENTS, inbound, reconciler.onAcquirerStatement(statement,
                        sales.totals(statement.municipality(), statement.businessDate(), statement.brand())),
                        Optional.empty());
                statementStore.record(statement);
            });
        }
        write(work);
    }

    /** The counter orders a SALE lists that shuno knows, in the listed order, or the invoice of its scanned slip. */
    private static List<Invoice> invoicesOf(WorkingSet work, TerminalTransaction sale) {
        if (sale.elQr().isPresent()) {
            return work.invoiceWith(sale.elQr().get().elNumber()).stream().toList();
        }
        return sale.invoiceIds().stream().map(work::invoice).flatMap(Optional::stream).toList();
    }

    /** Applies a message not seen before; a message seen before is a no-op, or a conflict if its content differs. */
    private static <T> void applyOnce(WorkingSet work, Inbound<T> message, T command,
                                      BiFunction<T, String, StaffException> conflict,
                                      Runnable apply) {
        Optional<StoredFingerprint> seen = work.handledFingerprint(message.messageId());
        if (seen.isEmpty()) {
            apply.run();
        } else if (!message.fingerprint().matches(seen.get(), message.command())) {
            work.refused(conflict.apply(command, message.fingerprint().canonical()));
        }
    }

    private static List<String> messageIds(List<? extends Inbound<?>> messages) {
        return messages.stream().map(Inbound::messageId).toList();
    }

    private void write(WorkingSet work) {
        inbox.record(work.handledMessages());
        invoices.save(work.changedInvoices());
        payments.save(work.changedPayments());
        settlementJournal.book(work.settlements());
        exceptionJournal.raise(work.exceptions());
        exceptionJournal.resolve(work.resolutions());
    }
}
