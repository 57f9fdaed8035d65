package io.shuno.reconciliation;

import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.shuno.reconciliation.CounterFixtures.byId;
import static io.shuno.reconciliation.CounterFixtures.order;
import static io.shuno.reconciliation.CounterFixtures.saleOfOrders;
import static io.shuno.reconciliation.CounterFixtures.saleOfSlip;
import static io.shuno.reconciliation.CounterFixtures.voidOf;
import static io.shuno.reconciliation.ReconciliationFixtures.CHIYODA;
import static io.shuno.reconciliation.ReconciliationFixtures.EL_NUMBER;
import static io.shuno.reconciliation.ReconciliationFixtures.UNKNOWN_EL_NUMBER;
import static io.shuno.reconciliation.ReconciliationFixtures.onlyOfKind;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * {@link OpenBookings}: what later events can still act on — each invoice's unreversed revenue, the payments in
 * suspense per eL番号, and what each payment still has booked — kept current settlement by settlement.
 */
class OpenBookingsTest {

    private static final Reconciler reconciler = new Reconciler(ReconciliationFixtures.RATES);
    private static final InvoiceId A = new InvoiceId("ORDER-A");
    private static final InvoiceId B = new InvoiceId("ORDER-B");
    private static final PaymentRef T1 = new PaymentRef("terminal:T-1");

    /** REVENUE 300 on A, REVENUE 450 and OVERPAYMENT 250 on B, all of payment terminal:T-1. */
    private static List<Settlement> saleOverAAndB() {
        return reconciler.onTerminalSale(saleOfOrders("T-1", 1_000, "ORDER-A", "ORDER-B"),
                List.of(order("ORDER-A", 300), order("ORDER-B", 450)), PayerInvoices.NONE).outcome().settlements();
    }

    /** The SUSPENSE of a scanned slip whose invoice shuno does not know yet. */
    private static Settlement slipSuspense(String transactionId, ElNumber elNumber) {
        MunicipalityCode municipality = elNumber.municipality();
        return onlyOfKind(reconciler.onTerminalSale(saleOfSlip(transactionId, municipality, elNumber, 5_000,
                OffsetDateTime.parse("2025-06-20T10:00:00+09:00")), List.of(), PayerInvoices.NONE).outcome(),
                SettlementKind.SUSPENSE);
    }

    private static OpenBookings empty() {
        return new OpenBookings(Map.of(), Map.of());
    }

    private static Settlement reversal(Settlement of, long amount) {
        return Settlements.reversal(of, Amount.of(amount), "test-reversal:" + of.settlementId() + ":" + amount);
    }

    private static void recordAll(OpenBookings bookings, List<Settlement> settlements, Optional<ElNumber> el) {
        settlements.forEach(settlement -> bookings.record(settlement, el));
    }

    @Test
    void revenueAndOverpaymentAreOpenUnderTheirPaymentForTheirFullAmount() {
        List<Settlement> sale = saleOverAAndB();
        OpenBookings bookings = empty();

        recordAll(bookings, sale, Optional.empty());

        assertThat(bookings.openOf(T1)).containsExactly(
                new OpenSettlement(sale.get(0), 300),
                new OpenSettlement(sale.get(1), 450),
                new OpenSettlement(sale.get(2), 250));
    }

    @Test
    void onlyRevenueCountsAsAnInvoicesRevenueNotTheOverpaymentBookedAgainstIt() {
        List<Settlement> sale = saleOverAAndB();
        OpenBookings bookings = empty();

        recordAll(bookings, sale, Optional.empty());

        assertThat(bookings.revenueOf(A)).containsExactly(new RevenueBooking(sale.get(0), 300));
        assertThat(bookings.revenueOf(B)).containsExactly(new RevenueBooking(sale.get(1), 450));
    }

    @Test
    void suspenseOfAPaymentNamingAnElNumberIsOpenUnderThePaymentAndWaitsForThatElNumber() {
        Settlement suspense = slipSuspense("T-QR", EL_NUMBER);
        OpenBookings bookings = empty();

        bookings.record(suspense, Optional.of(EL_NUMBER));

        assertThat(bookings.suspendedFor(EL_NUMBER)).containsExactly(suspense);
        assertThat(bookings.suspendedFor(UNKNOWN_EL_NUMBER)).isEmpty();
        assertThat(bookings.openOf(new PaymentRef("terminal:T-QR"))).containsExactly(new OpenSettlement(suspense, 5_000));
    }

    @Test
    void suspenseOfCounterOrdersNamingNoElNumberIsOpenUnderItsPaymentButNotInTheSuspenseView() {
        Settlement suspense = onlyOfKind(reconciler.onTerminalSale(saleOfOrders("T-1", 1_000, "ORDER-A"), List.of(),
                PayerInvoices.NONE).outcome(), SettlementKind.SUSPENSE);
        OpenBookings bookings = empty();

        bookings.record(suspense, Optional.empty());

        assertThat(bookings.openOf(T1)).containsExactly(new OpenSettlement(suspense, 1_000));
        assertThat(bookings.suspendedFor(EL_NUMBER)).isEmpty();
        assertThat(bookings.suspendedFor(UNKNOWN_EL_NUMBER)).isEmpty();
    }

    @Test
    void partialReversalOfRevenueLowersWhatIsUnreversedInBothTheRevenueAndThePaymentView() {
        List<Settlement> sale = saleOverAAndB();
        OpenBookings bookings = empty();
        recordAll(bookings, sale, Optional.empty());

        bookings.record(reversal(sale.get(1), 200), Optional.empty());

        assertThat(bookings.revenueOf(B)).containsExactly(new RevenueBooking(sale.get(1), 250));
        assertThat(bookings.openOf(T1)).containsExactly(
                new OpenSettlement(sale.get(0), 300),
                new OpenSettlement(sale.get(1), 250),
                new OpenSettlement(sale.get(2), 250));
        assertThat(bookings.revenueOf(A)).containsExactly(new RevenueBooking(sale.get(0), 300));
    }

    @Test
    void successiveReversalsOfTheSameRevenueAddUp() {
        List<Settlement> sale = saleOverAAndB();
        OpenBookings bookings = empty();
        recordAll(bookings, sale, Optional.empty());

        bookings.record(reversal(sale.get(1), 200), Optional.empty());
        bookings.record(reversal(sale.get(1), 250), Optional.empty());

        assertThat(bookings.revenueOf(B)).containsExactly(new RevenueBooking(sale.get(1), 0));
        assertThat(bookings.openOf(T1)).extracting(OpenSettlement::unreversed).containsExactly(300L, 0L, 250L);
    }

    @Test
    void reversalOfAnOverpaymentLowersOnlyThePaymentView() {
        List<Settlement> sale = saleOverAAndB();
        OpenBookings bookings = empty();
        recordAll(bookings, sale, Optional.empty());

        bookings.record(reversal(sale.get(2), 250), Optional.empty());

        assertThat(bookings.openOf(T1)).extracting(OpenSettlement::unreversed).containsExactly(300L, 450L, 0L);
        assertThat(bookings.revenueOf(B)).containsExactly(new RevenueBooking(sale.get(1), 450));
    }

    @Test
    void reversedSuspenseLeavesTheSuspenseViewAndIsNoLongerOpenUnderItsPayment() {
        Settlement suspense = slipSuspense("T-QR", EL_NUMBER);
        OpenBookings bookings = empty();
        bookings.record(suspense, Optional.of(EL_NUMBER));

        bookings.record(reversal(suspense, 5_000), Optional.of(EL_NUMBER));

        assertThat(bookings.suspendedFor(EL_NUMBER)).isEmpty();
        assertThat(bookings.openOf(new PaymentRef("terminal:T-QR")))
                .containsExactly(new OpenSettlement(suspense, 0));
    }

    @Test
    void reversingOnePaymentsSuspenseKeepsAnotherPaymentSuspendedForTheSameElNumber() {
        Settlement first = slipSuspense("T-QR1", EL_NUMBER);
        Settlement second = slipSuspense("T-QR2", EL_NUMBER);
        OpenBookings bookings = empty();
        bookings.record(first, Optional.of(EL_NUMBER));
        bookings.record(second, Optional.of(EL_NUMBER));

        bookings.record(reversal(first, 5_000), Optional.empty());

        assertThat(bookings.suspendedFor(EL_NUMBER)).containsExactly(second);
        assertThat(bookings.openOf(new PaymentRef("terminal:T-QR2"))).containsExactly(new OpenSettlement(second, 5_000));
    }

    @Test
    void aReversalIsNeverItselfOpen() {
        List<Settlement> sale = saleOverAAndB();
        OpenBookings bookings = empty();
        recordAll(bookings, sale, Optional.empty());

        bookings.record(reversal(sale.get(0), 300), Optional.empty());

        assertThat(bookings.openOf(T1)).extracting(o -> o.settlement().kind())
                .doesNotContain(SettlementKind.REVERSAL).hasSize(3);
    }

    @Test
    void reversingMoreThanIsUnreversedIsRefused() {
        List<Settlement> sale = saleOverAAndB();
        OpenBookings bookings = empty();
        recordAll(bookings, sale, Optional.empty());
        bookings.record(reversal(sale.get(0), 200), Optional.empty());

        assertThatThrownBy(() -> bookings.record(reversal(sale.get(0), 150), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void bookingsOfOnePaymentAreKeptApartFromAnothers() {
        List<Settlement> first = saleOverAAndB();
        List<Settlement> second = reconciler.onTerminalSale(saleOfOrders("T-2", 100, "ORDER-A"),
                List.of(order("ORDER-A", 300, 300)), PayerInvoices.NONE).outcome().settlements();
        OpenBookings bookings = empty();

        recordAll(bookings, first, Optional.empty());
        recordAll(bookings, second, Optional.empty());

        assertThat(bookings.openOf(T1)).hasSize(3);
        assertThat(bookings.openOf(new PaymentRef("terminal:T-2"))).singleElement()
                .satisfies(open -> assertThat(open.settlement().kind()).isEqualTo(SettlementKind.OVERPAYMENT));
        assertThat(bookings.openOf(new PaymentRef("terminal:T-unknown"))).isEmpty();
    }

    @Test
    void aFeeIsOpenUnderTheAcquirersStatementAndBelongsToNoInvoice() {
        AcquirerStatement statement = new AcquirerStatement("ST-1", "acq", CHIYODA,
                java.time.LocalDate.of(2026, 6, 21), Brand.CREDIT, Amount.of(1_000), 1, Amount.of(30), Amount.of(970),
                java.time.LocalDate.of(2026, 6, 23));
        Settlement fee = reconciler.onAcquirerStatement(statement, new SalesTotals(1, 1_000)).settlements().get(0);
        OpenBookings bookings = empty();

        bookings.record(fee, Optional.empty());

        assertThat(bookings.openOf(new PaymentRef("acquirer:ST-1"))).containsExactly(new OpenSettlement(fee, 30));
    }

    @Test
    void bookingsPassedToTheConstructorAreCopiedAndViewsCannotChangeThem() {
        List<Settlement> sale = saleOverAAndB();
        List<OpenSettlement> open = new ArrayList<>(List.of(new OpenSettlement(sale.get(0), 300)));
        Map<PaymentRef, List<OpenSettlement>> byPayment = new HashMap<>(Map.of(T1, open));
        OpenBookings bookings = new OpenBookings(Map.of(), Map.of(), byPayment);

        open.clear();
        byPayment.clear();

        assertThat(bookings.openOf(T1)).containsExactly(new OpenSettlement(sale.get(0), 300));
        assertThatThrownBy(() -> bookings.openOf(T1).clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void whatAVoidIsHandedFromOpenBookingsUndoesTheSaleOnceAndLeavesNothingOpen() {
        TerminalOutcome sale = reconciler.onTerminalSale(saleOfOrders("T-1", 1_000, "ORDER-A", "ORDER-B"),
                List.of(order("ORDER-A", 300), order("ORDER-B", 450)), PayerInvoices.NONE);
        OpenBookings bookings = empty();
        recordAll(bookings, sale.outcome().settlements(), Optional.empty());

        TerminalOutcome voided = reconciler.onTerminalVoid(voidOf("V-1", "T-1", 1_000), sale.sale(),
                bookings.openOf(T1), byId(sale.outcome().invoices()));
        recordAll(bookings, voided.outcome().settlements(), Optional.empty());

        assertThat(voided.outcome().settlements()).extracting(Settlement::kind, s -> s.amount().yen()).containsExactly(
                tuple(SettlementKind.REVERSAL, 300L), tuple(SettlementKind.REVERSAL, 450L),
                tuple(SettlementKind.REVERSAL, 250L));
        assertThat(bookings.openOf(T1)).extracting(OpenSettlement::unreversed).containsOnly(0L);
        assertThat(bookings.revenueOf(A)).extracting(RevenueBooking::unreversed).containsExactly(0L);
        assertThat(bookings.revenueOf(B)).extracting(RevenueBooking::unreversed).containsExactly(0L);
        // Handed the same bookings again (as if the voided state were lost), a VOID would find nothing to reverse.
        Map<InvoiceId, Invoice> reopened = byId(voided.outcome().invoices());
        assertThat(reconciler.onTerminalVoid(voidOf("V-2", "T-1", 1_000), sale.sale(), bookings.openOf(T1),
                reopened).outcome().settlements()).isEmpty();
    }
}
