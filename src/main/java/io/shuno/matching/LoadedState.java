package io.shuno.matching;

import io.shuno.reconciliation.Invoice;
import io.shuno.reconciliation.InvoiceId;
import io.shuno.reconciliation.OpenBookings;
import io.shuno.reconciliation.OpenSettlement;
import io.shuno.reconciliation.PaymentKey;
import io.shuno.reconciliation.PaymentRef;
import io.shuno.reconciliation.PaymentState;
import io.shuno.reconciliation.RevenueBooking;
import io.shuno.reconciliation.SaleState;
import io.shuno.reconciliation.SalesTotals;
import io.shuno.reconciliation.Settlement;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a batch decides on, read in bulk under the batch's locks before the first decision and never changed
 * afterwards: a {@link UnitOfWork} keeps what the batch's decisions change on top of it. Built field by field with
 * {@link #builder()}; what a batch does not need stays empty.
 */
public final class LoadedState {

    final Map<InvoiceId, Invoice> invoices;
    final Map<PaymentRef, PaymentState> payments;
    final Map<InvoiceId, List<RevenueBooking>> revenue;
    final Map<PaymentKey, List<Settlement>> suspended;
    final Map<PaymentRef, List<OpenSettlement>> bookedByPayment;
    final Map<String, SaleState> sales;
    final Map<SalesDay, SalesTotals> salesTotals;
    final Map<PaymentRef, List<String>> openExceptions;
    /** Read, not locked: for 充当 advice only. A payer missing here was not loaded (see UnitOfWork). */
    final Map<Payer, List<Invoice>> openInvoicesOfPayers;
    final Map<String, StoredFingerprint> handled;

    /** Takes the builder's maps as they are, read-only: a builder builds once (see {@link Builder#build}). */
    private LoadedState(Builder builder) {
        invoices = Collections.unmodifiableMap(builder.invoices);
        payments = Collections.unmodifiableMap(builder.payments);
        revenue = Collections.unmodifiableMap(builder.revenue);
        suspended = Collections.unmodifiableMap(builder.suspended);
        bookedByPayment = Collections.unmodifiableMap(builder.bookedByPayment);
        sales = Collections.unmodifiableMap(builder.sales);
        salesTotals = Collections.unmodifiableMap(builder.salesTotals);
        openExceptions = Collections.unmodifiableMap(builder.openExceptions);
        openInvoicesOfPayers = Collections.unmodifiableMap(builder.openInvoicesOfPayers);
        handled = Collections.unmodifiableMap(builder.handled);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The same state, with these payers' open invoices read as well. */
    LoadedState withOpenInvoicesOf(Map<Payer, List<Invoice>> more) {
        Builder builder = toBuilder();
        builder.openInvoicesOfPayers.putAll(more);
        return builder.build();
    }

    /** The past bookings as a fresh, changeable view for one pass over the batch. */
    OpenBookings openBookings() {
        return OpenBookings.byKey(revenue, suspended, bookedByPayment);
    }

    private Builder toBuilder() {
        return builder().invoices(invoices).payments(payments).revenue(revenue).suspended(suspended)
                .bookedByPayment(bookedByPayment).sales(sales).salesTotals(salesTotals).openExceptions(openExceptions)
                .openInvoicesOfPayers(openInvoicesOfPayers).handled(handled);
    }

    public static final class Builder {

        private final Map<InvoiceId, Invoice> invoices = new HashMap<>();
        private final Map<PaymentRef, PaymentState> payments = new HashMap<>();
        private final Map<InvoiceId, List<RevenueBooking>> revenue = new HashMap<>();
        private final Map<PaymentKey, List<Settlement>> suspended = new HashMap<>();
        private final Map<PaymentRef, List<OpenSettlement>> bookedByPayment = new HashMap<>();
        private final Map<String, SaleState> sales = new HashMap<>();
        private final Map<SalesDay, SalesTotals> salesTotals = new HashMap<>();
        private final Map<PaymentRef, List<String>> openExceptions = new HashMap<>();
        private final Map<Payer, List<Invoice>> openInvoicesOfPayers = new HashMap<>();
        private final Map<String, StoredFingerprint> handled = new HashMap<>();
        private boolean built;

        private Builder() {
        }

        /** The invoices locked for the batch. */
        public Builder invoices(Map<InvoiceId, Invoice> value) {
            invoices.putAll(value);
            return this;
        }

        /** The last stage of the payments the batch names or that were made against its payment keys. */
        public Builder payments(Map<PaymentRef, PaymentState> value) {
            payments.putAll(value);
            return this;
        }

        /** Revenue booked on the batch's invoices and not yet reversed. */
        public Builder revenue(Map<InvoiceId, List<RevenueBooking>> value) {
            revenue.putAll(value);
            return this;
        }

        /** Payments held in suspense for the batch's payment keys. */
        public Builder suspended(Map<PaymentKey, List<Settlement>> value) {
            suspended.putAll(value);
            return this;
        }

        /** What the payments a VOID cancels still have booked. */
        public Builder bookedByPayment(Map<PaymentRef, List<OpenSettlement>> value) {
            bookedByPayment.putAll(value);
            return this;
        }

        /** The counter SALEs the batch names, as recorded. */
        public Builder sales(Map<String, SaleState> value) {
            sales.putAll(value);
            return this;
        }

        /** Recorded counter sales per day, brand and municipality. */
        public Builder salesTotals(Map<SalesDay, SalesTotals> value) {
            salesTotals.putAll(value);
            return this;
        }

        /** Ids of the staff exceptions still open about the payments a VOID cancels. */
        public Builder openExceptions(Map<PaymentRef, List<String>> value) {
            openExceptions.putAll(value);
            return this;
        }

        /** Payers' invoices still owing something, for 充当 advice; a payer with none maps to an empty list. */
        public Builder openInvoicesOfPayers(Map<Payer, List<Invoice>> value) {
            openInvoicesOfPayers.putAll(value);
            return this;
        }

        /** Fingerprints of the batch's messages handled before, by message id. */
        public Builder handled(Map<String, StoredFingerprint> value) {
            handled.putAll(value);
            return this;
        }

        /**
         * The state, holding this builder's maps rather than copies of them (a batch's state is large, and built once
         * or twice per batch): the builder is done with once it has built.
         */
        public LoadedState build() {
            if (built) {
                throw new IllegalStateException("a LoadedState.Builder builds once");
            }
            built = true;
            return new LoadedState(this);
        }
    }
}
