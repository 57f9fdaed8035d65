package io.shuno.matching;

import io.shuno.reconciliation.ElNumber;
import io.shuno.reconciliation.InvoiceId;
import io.shuno.reconciliation.MunicipalityCode;
import io.shuno.reconciliation.PaymentKey;
import io.shuno.reconciliation.PaymentRef;

import java.util.HashSet;
import java.util.Set;

/**
 * What a batch's messages will decide on, declared by each message's source before anything is read: which keys
 * to lock and which state to load. {@link BatchStore} turns the whole batch's needs into one lock and a few bulk
 * reads, so that no decision has to read anything.
 */
public final class Needs {

    final Set<InvoiceId> invoices = new HashSet<>();
    final Set<InvoiceKey> keys = new HashSet<>();
    final Set<PaymentRef> payments = new HashSet<>();
    final Set<String> sales = new HashSet<>();
    final Set<PaymentRef> voidedPayments = new HashSet<>();
    final Set<SalesDay> salesDays = new HashSet<>();
    boolean invoiceBookings;

    /** The invoice, locked and loaded (if shuno knows it), with its eL番号. */
    public Needs invoice(InvoiceId id) {
        invoices.add(id);
        return this;
    }

    /** The invoice of this eL番号, locked and loaded (if shuno knows it); the eL番号 is locked either way. */
    public Needs invoiceWith(ElNumber elNumber) {
        keys.add(InvoiceKey.of(elNumber));
        return this;
    }

    /**
     * The invoice of {@code municipality} that has this payment key among its slips, locked and loaded (if shuno
     * knows it); the key is locked either way.
     */
    public Needs invoiceWith(MunicipalityCode municipality, PaymentKey key) {
        keys.add(new InvoiceKey(municipality, key));
        return this;
    }

    /** The last stage this payment reached, if it was seen before. */
    public Needs payment(PaymentRef payment) {
        payments.add(payment);
        return this;
    }

    /** This counter SALE as recorded (if it was), its sale lock held: a SALE and its VOID take turns. */
    public Needs sale(String transactionId) {
        sales.add(transactionId);
        return this;
    }

    /**
     * What a VOID undoes: what the payment booked and the staff exceptions still open about it, the invoices it paid
     * and the slips the batch's sales scanned (locked and loaded too).
     */
    public Needs voidOf(PaymentRef payment) {
        voidedPayments.add(payment);
        return this;
    }

    /** The counter sales recorded for this day, brand and municipality, VOIDs taken off. */
    public Needs salesOf(SalesDay day) {
        salesDays.add(day);
        return this;
    }

    /**
     * For invoice events: the revenue booked on every invoice of the batch, the payments held in suspense for any of
     * their payment keys and every payment made against those keys.
     */
    public Needs invoiceBookings() {
        invoiceBookings = true;
        return this;
    }
}
