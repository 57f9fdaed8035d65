package io.shuno.matching;

import io.shuno.exceptions.ExceptionJournal;
import io.shuno.ledger.SettlementHistory;
import io.shuno.ledger.SettlementJournal;
import io.shuno.reconciliation.Decision;
import io.shuno.reconciliation.ExceptionResolution;
import io.shuno.reconciliation.HeldOverpayment;
import io.shuno.reconciliation.Invoice;
import io.shuno.reconciliation.InvoiceId;
import io.shuno.reconciliation.PayerInvoices;
import io.shuno.reconciliation.PaymentKey;
import io.shuno.reconciliation.PaymentRef;
import io.shuno.reconciliation.Settlement;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Staff decisions on exceptions touch invoices as messages do, so they go the same way: in the caller's transaction,
 * under the same advisory locks (the exception's, its invoices' and their eL番号's, taken together in the one global
 * order), written through the same stores and journals — settlements and exception messages via the outbox.
 */
@Component
public class StaffDecisions {

    private final ReconciliationLocks locks;
    private final InvoiceStore invoices;
    private final PaymentStore payments;
    private final SettlementHistory history;
    private final SettlementJournal settlementJournal;
    private final ExceptionJournal exceptionJournal;

    StaffDecisions(ReconciliationLocks locks, InvoiceStore invoices, PaymentStore payments, SettlementHistory history,
                   SettlementJournal settlementJournal, ExceptionJournal exceptionJournal) {
        this.locks = locks;
        this.invoices = invoices;
        this.payments = payments;
        this.history = history;
        this.settlementJournal = settlementJournal;
        this.exceptionJournal = exceptionJournal;
    }

    /**
     * Locks the exception, the given invoices, the payment's key and the sale of a counter payment (which a message
     * about that payment or an arriving invoice would lock), and reads those invoices under the locks.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Map<InvoiceId, Invoice> lock(String exceptionId, Set<InvoiceId> ids, Optional<PaymentRef> payment) {
        Set<InvoiceKey> keys = new HashSet<>();
        // The payment's key as a message about the payment locks it: an eL番号 names its municipality, another key is
        // locked in the municipality of each invoice the decision is about.
        payments.load(payment.stream().toList()).values().forEach(state -> {
            if (state.key() instanceof PaymentKey.El el) {
                keys.add(InvoiceKey.of(el.number()));
            } else {
                invoices.load(ids).values().forEach(invoice ->
                        keys.add(new InvoiceKey(invoice.terms().municipality(), state.key())));
            }
        });
        List<String> others = new ArrayList<>(List.of(ReconciliationLocks.exceptionKey(exceptionId)));
        // A counter sale's VOID takes the sale's key: a decision about that payment (matching its suspense) must
        // wait for the VOID, or both would undo the same suspense.
        payment.flatMap(PaymentRef::terminalTransactionId).map(ReconciliationLocks::saleKey).ifPresent(others::add);
        // A message names the key's invoice's lock when the key has one, and the key's own otherwise: both are taken.
        // An invoice event that gave the key an invoice while this waited held the key's lock, so a second look
        // finds that invoice, which is locked too.
        Map<InvoiceKey, InvoiceId> owners = invoices.idsOf(List.copyOf(keys));
        Set<InvoiceId> locked = new HashSet<>(ids);
        locked.addAll(owners.values());
        locks.acquire(locked, keys, others);
        List<InvoiceKey> unresolved = keys.stream().filter(key -> !owners.containsKey(key)).toList();
        locks.acquireToo(new HashSet<>(invoices.idsOf(unresolved).values()), locked);
        return invoices.load(ids);
    }

    /** Invoices as they stand, read without locks: for previews, which decide nothing. */
    public Map<InvoiceId, Invoice> invoices(Collection<InvoiceId> ids) {
        return invoices.load(ids);
    }

    /** An invoice as it stands, read without locks: for previews, which decide nothing. */
    public Optional<Invoice> invoice(InvoiceId id) {
        return Optional.ofNullable(invoices(List.of(id)).get(id));
    }

    /** The 過誤納金 a payment left on an invoice, oldest booking first. Read under the invoice's lock. */
    public List<HeldOverpayment> heldOverpayments(PaymentRef payment, InvoiceId invoice) {
        return history.overpaymentsOf(payment, invoice);
    }

    /** The payment's SUSPENSE settlement, while it is held in suspense. */
    public Optional<Settlement> suspenseOf(PaymentRef payment) {
        return history.suspenseOf(payment);
    }

    /**
     * The locked invoices and their payers' other open invoices, read in one query: 充当 advice for exceptions a
     * decision raises, which concern the locked invoices.
     */
    public PayerInvoices payerInvoices(Map<InvoiceId, Invoice> locked) {
        Set<Payer> payers = locked.values().stream()
                .map(invoice -> new Payer(invoice.terms().municipality(), invoice.terms().payerId()))
                .collect(Collectors.toSet());
        return new UnitOfWork("staff-decision", LoadedState.builder().invoices(locked)
                .openInvoicesOfPayers(invoices.openInvoicesOf(payers)).build());
    }

    /** Writes what a decision did; {@code resolved} is empty while part of the exception's amount is left. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(Decision decision, Optional<ExceptionResolution> resolved) {
        // A staff decision pays or reopens invoices it locked and read, and never adds a slip.
        invoices.save(List.of(), decision.invoices(), List.of());
        settlementJournal.book(decision.settlements());
        exceptionJournal.raise(decision.exceptions());
        exceptionJournal.resolve(resolved.stream().toList());
    }
}
