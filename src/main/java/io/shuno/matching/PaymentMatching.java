package io.shuno.matching;

import io.shuno.ledger.SettlementJournal;
import io.shuno.reconciliation.ConflictingDuplicate;
import io.shuno.reconciliation.ElNumber;
import io.shuno.reconciliation.EltaxNotice;
import io.shuno.reconciliation.InvoiceEvent;
import io.shuno.reconciliation.InvoiceId;
import io.shuno.reconciliation.PaymentRef;
import io.shuno.reconciliation.Reconciler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies validated messages to the stored invoices and payments, exactly once: in the caller's transaction it locks
 * every invoice the batch touches, skips what the inbox has already handled, lets the pure {@link Reconciler}
 * decide, and writes state, inbox rows, settlements and exceptions together.
 */
@Component
public class PaymentMatching {

    static final String INVOICE_EVENTS = "invoice-event";
    static final String ELTAX_NOTICES = "eltax-notice";

    private final Reconciler reconciler = new Reconciler();
    private final ReconciliationLocks locks;
    private final Inbox inbox;
    private final InvoiceStore invoices;
    private final PaymentStore payments;
    private final SettlementJournal settlementJournal;
    private final ExceptionJournal exceptionJournal;

    PaymentMatching(ReconciliationLocks locks, Inbox inbox, InvoiceStore invoices, PaymentStore payments,
                    SettlementJournal settlementJournal, ExceptionJournal exceptionJournal) {
        this.locks = locks;
        this.inbox = inbox;
        this.invoices = invoices;
        this.payments = payments;
        this.settlementJournal = settlementJournal;
        this.exceptionJournal = exceptionJournal;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void applyInvoiceEvents(List<Inbound<InvoiceEvent>> events) {
        if (events.isEmpty()) {
            return;
        }
        Set<InvoiceId> ids = new HashSet<>();
        Set<String> lockKeys = new HashSet<>();
        events.forEach(event -> {
            ids.add(event.command().terms().id());
            lockKeys.add(ReconciliationLocks.invoiceKey(event.command().terms().id()));
            event.command().terms().elNumber().ifPresent(el -> lockKeys.add(ReconciliationLocks.elNumberKey(el)));
        });
        invoices.elNumbersOf(ids).values().forEach(el -> lockKeys.add(ReconciliationLocks.elNumberKey(el)));
        locks.acquire(lockKeys);

        WorkingSet work = new WorkingSet(invoices.load(ids), Map.of(),
                inbox.fingerprints(INVOICE_EVENTS, events.stream().map(Inbound::messageId).toList()));
        for (Inbound<InvoiceEvent> event : events) {
            InvoiceEvent command = event.command();
            work.handledFingerprint(event.messageId()).ifPresentOrElse(
                    seen -> {
                        if (!seen.equals(event.fingerprint())) {
                            work.refused(ConflictingDuplicate.of(command, event.fingerprint()));
                        }
                    },
                    () -> work.handled(INVOICE_EVENTS, event,
                            reconciler.onInvoiceEvent(work.invoice(command.terms().id()), command)));
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
        Map<ElNumber, InvoiceId> known = invoices.idsByElNumber(elNumbers);
        Set<String> lockKeys = new HashSet<>();
        elNumbers.forEach(el -> lockKeys.add(ReconciliationLocks.elNumberKey(el)));
        known.values().forEach(id -> lockKeys.add(ReconciliationLocks.invoiceKey(id)));
        locks.acquire(lockKeys);

        // Re-read under the locks: an ISSUED event may have committed between the lookup and the lock.
        WorkingSet work = new WorkingSet(invoices.load(invoices.idsByElNumber(elNumbers).values()),
                payments.load(refs),
                inbox.fingerprints(ELTAX_NOTICES, notices.stream().map(Inbound::messageId).toList()));
        for (Inbound<EltaxNotice> notice : notices) {
            EltaxNotice command = notice.command();
            work.handledFingerprint(notice.messageId()).ifPresentOrElse(
                    seen -> {
                        if (!seen.equals(notice.fingerprint())) {
                            work.refused(ConflictingDuplicate.of(command, notice.fingerprint()));
                        }
                    },
                    () -> work.handled(ELTAX_NOTICES, notice, reconciler.onNotice(
                            work.invoiceWith(command.elNumber()), work.payment(command.paymentRef()), command)));
        }
        write(work);
    }

    private void write(WorkingSet work) {
        inbox.record(work.handledMessages());
        invoices.save(work.changedInvoices());
        payments.save(work.changedPayments());
        settlementJournal.book(work.settlements());
        exceptionJournal.raise(work.exceptions());
    }
}
