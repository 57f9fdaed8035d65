package io.shuno.matching;

import io.shuno.ledger.SettlementJournal;
import io.shuno.reconciliation.ConflictingDuplicate;
import io.shuno.reconciliation.ElNumber;
import io.shuno.reconciliation.EltaxNotice;
import io.shuno.reconciliation.Invoice;
import io.shuno.reconciliation.InvoiceEvent;
import io.shuno.reconciliation.InvoiceId;
import io.shuno.reconciliation.PaymentRef;
import io.shuno.reconciliation.Reconciler;
import io.shuno.reconciliation.StaffException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.util.Collection;
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

    private final Reconciler reconciler;
    private final ReconciliationLocks locks;
    private final Inbox inbox;
    private final InvoiceStore invoices;
    private final PaymentStore payments;
    private final SettlementHistory history;
    private final SettlementJournal settlementJournal;
    private final ExceptionJournal exceptionJournal;

    PaymentMatching(Reconciler reconciler, ReconciliationLocks locks, Inbox inbox, InvoiceStore invoices,
                    PaymentStore payments, SettlementHistory history, SettlementJournal settlementJournal,
                    ExceptionJournal exceptionJournal) {
        this.reconciler = reconciler;
        this.locks = locks;
        this.inbox = inbox;
        this.invoices = invoices;
        this.payments = payments;
        this.history = history;
        this.settlementJournal = settlementJournal;
        this.exceptionJournal = exceptionJournal;
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
        Set<String> lockKeys = new HashSet<>();
        ids.forEach(id -> lockKeys.add(ReconciliationLocks.invoiceKey(id)));
        elNumbers.forEach(el -> lockKeys.add(ReconciliationLocks.elNumberKey(el)));
        locks.acquire(lockKeys);

        Map<InvoiceId, Invoice> locked = invoices.load(ids);
        Set<Payer> payers = new HashSet<>();
        events.forEach(event -> payers.add(Payer.of(event.command().terms())));
        WorkingSet work = new WorkingSet(withPayerInvoices(locked, payers), payments.paidAgainst(elNumbers),
                history.revenueOf(ids), history.suspendedFor(elNumbers),
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
        Set<String> lockKeys = new HashSet<>();
        elNumbers.forEach(el -> lockKeys.add(ReconciliationLocks.elNumberKey(el)));
        invoices.idsByElNumber(elNumbers).values().forEach(id -> lockKeys.add(ReconciliationLocks.invoiceKey(id)));
        locks.acquire(lockKeys);

        // Read under the locks: an ISSUED event may have committed between the lookup and the lock, and its
        // eL番号 lock (held here) keeps it from changing until this batch commits.
        Map<InvoiceId, Invoice> locked = invoices.load(invoices.idsByElNumber(elNumbers).values());
        Set<Payer> payers = new HashSet<>();
        locked.values().forEach(invoice -> payers.add(Payer.of(invoice.terms())));
        WorkingSet work = new WorkingSet(withPayerInvoices(locked, payers), payments.load(refs), Map.of(), Map.of(),
                inbox.fingerprints(ELTAX_NOTICES, messageIds(notices)));
        for (Inbound<EltaxNotice> notice : notices) {
            EltaxNotice command = notice.command();
            applyOnce(work, notice, command, ConflictingDuplicate::of, () -> work.handled(ELTAX_NOTICES, notice,
                    reconciler.onNotice(work.invoiceWith(command.elNumber()), work.payment(command.paymentRef()),
                            command, work), Optional.of(command.elNumber())));
        }
        write(work);
    }

    /** Applies a message not seen before; a message seen before is a no-op, or a conflict if its content differs. */
    private static <T> void applyOnce(WorkingSet work, Inbound<T> message, T command,
                                      BiFunction<T, String, StaffException> conflict,
                                      Runnable apply) {
        Optional<String> seen = work.handledFingerprint(message.messageId());
        if (seen.isEmpty()) {
            apply.run();
        } else if (!seen.get().equals(message.fingerprint())) {
            work.refused(conflict.apply(command, message.fingerprint()));
        }
    }

    /** The locked invoices, plus (for 充当 advice only) the other open invoices of their payers. */
    private Map<InvoiceId, Invoice> withPayerInvoices(Map<InvoiceId, Invoice> locked, Collection<Payer> payers) {
        Map<InvoiceId, Invoice> all = new HashMap<>(invoices.openInvoicesOf(payers));
        all.putAll(locked);
        return all;
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
