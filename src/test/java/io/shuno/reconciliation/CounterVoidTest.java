package io.shuno.reconciliation;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import static io.shuno.reconciliation.CounterFixtures.byId;
import static io.shuno.reconciliation.CounterFixtures.net;
import static io.shuno.reconciliation.CounterFixtures.nothingReversed;
import static io.shuno.reconciliation.CounterFixtures.order;
import static io.shuno.reconciliation.CounterFixtures.saleOfOrders;
import static io.shuno.reconciliation.CounterFixtures.saleOfSlip;
import static io.shuno.reconciliation.CounterFixtures.voidOf;
import static io.shuno.reconciliation.ReconciliationFixtures.CHIYODA;
import static io.shuno.reconciliation.ReconciliationFixtures.EL_NUMBER;
import static io.shuno.reconciliation.ReconciliationFixtures.japanese;
import static io.shuno.reconciliation.ReconciliationFixtures.onlyOfKind;
import static io.shuno.reconciliation.ReconciliationFixtures.terms;
import static io.shuno.reconciliation.ReconciliationFixtures.total;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * VOIDs through {@link Reconciler#onTerminalVoid}: a VOID reverses what its SALE still has booked and reopens the
 * orders it paid; a VOID of a sale shuno does not know, or has already voided, is an exception for staff.
 */
class CounterVoidTest {

    private static final Reconciler reconciler = new Reconciler(ReconciliationFixtures.RATES);
    private static final InvoiceId A = new InvoiceId("ORDER-A");
    private static final InvoiceId B = new InvoiceId("ORDER-B");
    private static final PaymentRef SALE_REF = new PaymentRef("terminal:T-1");

    /** The SALE T-1 of 1,000 over A (300) and B (450): REVENUE 300 on A, REVENUE 450 and OVERPAYMENT 250 on B. */
    private static TerminalOutcome saleOverAAndB() {
        return reconciler.onTerminalSale(saleOfOrders("T-1", 1_000, "ORDER-A", "ORDER-B"),
                List.of(order("ORDER-A", 300), order("ORDER-B", 450)), PayerInvoices.NONE);
    }

    private static TerminalOutcome voidOfT1(TerminalOutcome sale, List<OpenSettlement> open,
                                            Map<InvoiceId, Invoice> invoices) {
        return reconciler.onTerminalVoid(voidOf("V-1", "T-1", sale.sale().orElseThrow().amount()), sale.sale(), open,
                invoices);
    }

    @Test
    void aVoidThatDoesNotDescribeItsSaleIsRefusedWithoutReversingAnything() {
        TerminalOutcome sale = saleOverAAndB();

        TerminalOutcome voided = reconciler.onTerminalVoid(voidOf("V-9", "T-1", 999), sale.sale(),
                nothingReversed(sale), byId(sale.outcome().invoices()));

        assertThat(voided.outcome().settlements()).isEmpty();
        assertThat(voided.sale()).isEmpty();
        assertThat(voided.outcome().exceptions()).singleElement().satisfies(e -> {
            assertThat(e.reason()).isEqualTo(ExceptionReason.VOID_UNKNOWN_SALE);
            assertThat(japanese(e)).contains("金額が一致しません");
        });
    }

    @Test
    void voidReversesEachSettlementOfItsSaleForItsFullAmountAndNamesWhatItReverses() {
        TerminalOutcome sale = saleOverAAndB();

        TerminalOutcome voided = voidOfT1(sale, nothingReversed(sale), byId(sale.outcome().invoices()));

        List<Settlement> booked = sale.outcome().settlements();
        assertThat(voided.outcome().settlements())
                .extracting(Settlement::kind, Settlement::reverses, s -> s.amount().yen(), Settlement::invoiceId)
                .containsExactly(
                        tuple(SettlementKind.REVERSAL, Optional.of(booked.get(0).settlementId()), 300L, Optional.of(A)),
                        tuple(SettlementKind.REVERSAL, Optional.of(booked.get(1).settlementId()), 450L, Optional.of(B)),
                        tuple(SettlementKind.REVERSAL, Optional.of(booked.get(2).settlementId()), 250L, Optional.of(B)));
        assertThat(voided.outcome().settlements()).allSatisfy(reversal -> {
            assertThat(reversal.paymentRef()).isEqualTo(SALE_REF);
            assertThat(reversal.cause()).isEqualTo("terminal-transaction:V-1");
        });
        assertThat(voided.outcome().exceptions()).isEmpty();
    }

    @Test
    void reversalKeepsTheAccountYearDateAndChannelOfWhatItReverses() {
        TerminalOutcome sale = saleOverAAndB();

        TerminalOutcome voided = voidOfT1(sale, nothingReversed(sale), byId(sale.outcome().invoices()));

        for (int i = 0; i < 3; i++) {
            Settlement booked = sale.outcome().settlements().get(i);
            Settlement reversal = voided.outcome().settlements().get(i);
            assertThat(reversal.account()).isEqualTo(booked.account());
            assertThat(reversal.bookingYear()).isEqualTo(booked.bookingYear());
            assertThat(reversal.receivedOn()).isEqualTo(booked.receivedOn());
            assertThat(reversal.channel()).isEqualTo(booked.channel());
            assertThat(reversal.revenueCode()).isEqualTo(booked.revenueCode());
        }
    }

    @Test
    void voidBringsTheNetOfTheSalesPaymentBackToZero() {
        TerminalOutcome sale = saleOverAAndB();

        TerminalOutcome voided = voidOfT1(sale, nothingReversed(sale), byId(sale.outcome().invoices()));

        List<Settlement> journal = new ArrayList<>(sale.outcome().settlements());
        journal.addAll(voided.outcome().settlements());
        assertThat(net(sale.outcome().settlements(), SALE_REF)).isEqualTo(1_000);
        assertThat(net(journal, SALE_REF)).isZero();
    }

    @Test
    void voidReopensTheOrdersItsSalePaid() {
        TerminalOutcome sale = saleOverAAndB();

        TerminalOutcome voided = voidOfT1(sale, nothingReversed(sale), byId(sale.outcome().invoices()));

        assertThat(voided.outcome().invoices())
                .extracting(Invoice::id, i -> i.settledRevenue().yen(), Invoice::status)
                .containsExactly(
                        tuple(A, 0L, InvoiceStatus.OPEN),
                        tuple(B, 0L, InvoiceStatus.OPEN));
        assertThat(voided.outcome().payment()).isEmpty();
    }

    @Test
    void voidReducesOnlyWhatTheSaleBookedAndLeavesRevenueOfOtherPaymentsOnTheOrder() {
        // A of 300 was half paid (150) at another time; the SALE pays the other 150.
        TerminalOutcome sale = reconciler.onTerminalSale(saleOfOrders("T-1", 150, "ORDER-A"),
                List.of(order("ORDER-A", 300, 150)), PayerInvoices.NONE);

        TerminalOutcome voided = voidOfT1(sale, nothingReversed(sale), byId(sale.outcome().invoices()));

        assertThat(onlyOfKind(voided.outcome(), SettlementKind.REVERSAL).amount().yen()).isEqualTo(150);
        assertThat(voided.outcome().invoice()).hasValueSatisfying(a -> {
            assertThat(a.settledRevenue().yen()).isEqualTo(150);
            assertThat(a.status()).isEqualTo(InvoiceStatus.PARTIALLY_PAID);
        });
    }

    @Test
    void voidReturnsTheSaleStateAsVoided() {
        TerminalOutcome sale = saleOverAAndB();

        TerminalOutcome voided = voidOfT1(sale, nothingReversed(sale), byId(sale.outcome().invoices()));

        SaleState before = sale.sale().orElseThrow();
        assertThat(voided.sale()).contains(new SaleState(before.transactionId(), before.municipality(), before.brand(),
                before.amount(), before.businessDate(), before.invoiceIds(), before.slip(), true));
    }

    @Test
    void aVoidNamingOnlyItsSaleOrRepeatingItsOrdersInAnyOrderReversesTheSale() {
        TerminalOutcome sale = saleOverAAndB();

        for (TerminalTransaction voiding : List.of(voidOf("V-1", "T-1", 1_000),
                voidOf("V-1", "T-1", 1_000, "ORDER-B", "ORDER-A"))) {
            TerminalOutcome voided = reconciler.onTerminalVoid(voiding, sale.sale(), nothingReversed(sale),
                    byId(sale.outcome().invoices()));

            assertThat(voided.outcome().exceptions()).isEmpty();
            assertThat(voided.outcome().settlements()).hasSize(3);
            assertThat(voided.sale().orElseThrow().voided()).isTrue();
        }
    }

    @Test
    void aVoidRepeatingOrdersItsSaleDidNotPayIsRefusedWithoutReversingAnything() {
        TerminalOutcome sale = saleOverAAndB();

        TerminalOutcome voided = reconciler.onTerminalVoid(voidOf("V-1", "T-1", 1_000, "ORDER-A"), sale.sale(),
                nothingReversed(sale), byId(sale.outcome().invoices()));

        assertThat(voided.outcome().settlements()).isEmpty();
        assertThat(voided.sale()).isEmpty();
        assertThat(voided.outcome().exceptions()).singleElement().satisfies(e -> {
            assertThat(e.reason()).isEqualTo(ExceptionReason.VOID_UNKNOWN_SALE);
            assertThat(japanese(e)).contains("窓口注文 ORDER-A、ORDER-B").contains("一致しません");
        });
    }

    @Test
    void partlyReversedSettlementIsReversedOnlyForWhatRemainsAndAFullyReversedOneNotAtAll() {
        TerminalOutcome sale = saleOverAAndB();
        Settlement revenueA = sale.outcome().settlements().get(0);
        Settlement revenueB = sale.outcome().settlements().get(1);
        Settlement overpaymentB = sale.outcome().settlements().get(2);
        // Since the sale, A's amount was reduced to 100 (200 of its revenue reversed) and B was cancelled
        // (all its revenue reversed): what the VOID is handed reflects that.
        List<OpenSettlement> open = List.of(
                new OpenSettlement(revenueA, 100),
                new OpenSettlement(revenueB, 0),
                new OpenSettlement(overpaymentB, 250));
        Map<InvoiceId, Invoice> invoices = byId(List.of(order("ORDER-A", 100, 100),
                new Invoice(CounterFixtures.orderTerms("ORDER-B", 450), true, Amount.ZERO, Amount.ZERO)));

        TerminalOutcome voided = voidOfT1(sale, open, invoices);

        assertThat(voided.outcome().settlements())
                .extracting(Settlement::reverses, s -> s.amount().yen())
                .containsExactly(
                        tuple(Optional.of(revenueA.settlementId()), 100L),
                        tuple(Optional.of(overpaymentB.settlementId()), 250L));
        assertThat(voided.outcome().invoices()).singleElement().satisfies(a -> {
            assertThat(a.id()).isEqualTo(A);
            assertThat(a.settledRevenue().yen()).isZero();
        });
    }

    @Test
    void voidOfASaleHeldInSuspenseReversesTheSuspenseAndReopensNothing() {
        TerminalOutcome sale = reconciler.onTerminalSale(saleOfOrders("T-1", 1_000, "ORDER-A"), List.of(),
                PayerInvoices.NONE);

        TerminalOutcome voided = voidOfT1(sale, nothingReversed(sale), Map.of());

        assertThat(voided.outcome().settlements()).singleElement().satisfies(reversal -> {
            assertThat(reversal.kind()).isEqualTo(SettlementKind.REVERSAL);
            assertThat(reversal.amount().yen()).isEqualTo(1_000);
            assertThat(reversal.reverses())
                    .contains(onlyOfKind(sale.outcome(), SettlementKind.SUSPENSE).settlementId());
            assertThat(reversal.invoiceId()).isEmpty();
        });
        assertThat(voided.outcome().invoices()).isEmpty();
        assertThat(voided.sale()).map(SaleState::voided).contains(true);
    }

    @Test
    void voidOfAScannedSlipSaleReopensTheSlipsInvoice() {
        TerminalOutcome sale = reconciler.onTerminalSale(
                saleOfSlip("T-1", CHIYODA, EL_NUMBER, 5_000, OffsetDateTime.parse("2025-06-20T10:00:00+09:00")),
                List.of(Invoice.issued(terms(5_000))), PayerInvoices.NONE);

        TerminalOutcome voided = reconciler.onTerminalVoid(voidOf("V-1", "T-1", 5_000), sale.sale(),
                nothingReversed(sale), byId(sale.outcome().invoices()));

        assertThat(onlyOfKind(voided.outcome(), SettlementKind.REVERSAL).amount().yen()).isEqualTo(5_000);
        assertThat(voided.outcome().invoice()).map(Invoice::status).contains(InvoiceStatus.OPEN);
    }

    @Test
    void theSameVoidGivesTheSameReversalIdsAndTheyDifferFromTheSalesIds() {
        TerminalOutcome sale = saleOverAAndB();

        List<String> once = voidOfT1(sale, nothingReversed(sale), byId(sale.outcome().invoices()))
                .outcome().settlements().stream().map(Settlement::settlementId).toList();
        List<String> twice = voidOfT1(sale, nothingReversed(sale), byId(sale.outcome().invoices()))
                .outcome().settlements().stream().map(Settlement::settlementId).toList();

        assertThat(once).doesNotHaveDuplicates().isEqualTo(twice)
                .doesNotContainAnyElementsOf(sale.outcome().settlements().stream().map(Settlement::settlementId)
                        .toList());
    }

    // --- VOIDs of sales staff already refunded -------------------------------------------------------------------

    private static final LocalDate DECIDED_ON = LocalDate.of(2026, 11, 30);

    /** The SALE T-1 of 480,000 on ORDER-B, already paid: all of it is 過誤納金 (one OVERPAYMENT). */
    private static TerminalOutcome secondPaymentOfB() {
        return reconciler.onTerminalSale(saleOfOrders("T-1", 480_000, "ORDER-B"),
                List.of(order("ORDER-B", 480_000, 480_000)), PayerInvoices.NONE);
    }

    /** What the sale has booked after staff refunded {@code refunded} of it (with {@code interest}) in decision r-1. */
    private static OpenBookings refundedBy(TerminalOutcome sale, long refunded, long interest) {
        OpenBookings bookings = new OpenBookings(Map.of(), Map.of());
        sale.outcome().settlements().forEach(s -> bookings.record(s, Optional.empty()));
        Settlement overpayment = onlyOfKind(sale.outcome(), SettlementKind.OVERPAYMENT);
        String decision = ResolutionAction.cause("r-1");
        bookings.record(Settlements.refund(overpayment, Amount.of(refunded), DECIDED_ON, decision), Optional.empty());
        if (interest > 0) {
            bookings.record(Settlements.refundInterest(overpayment, Amount.of(interest), DECIDED_ON, decision), Optional.empty());
        }
        return bookings;
    }

    @Test
    void voidOfAPartlyRefundedSaleReversesWhatIsLeftAndRaisesTheRefundWithItsInterestForStaffToStop() {
        TerminalOutcome sale = secondPaymentOfB();
        OpenBookings bookings = refundedBy(sale, 200_000, 5_100);

        TerminalOutcome voided = voidOfT1(sale, bookings.openOf(SALE_REF), byId(sale.outcome().invoices()));

        // The card got all 480,000 back: what is still held (280,000) is reversed, the refund is not undone.
        assertThat(voided.outcome().settlements()).singleElement().satisfies(reversal -> {
            assertThat(reversal.kind()).isEqualTo(SettlementKind.REVERSAL);
            assertThat(reversal.reverses()).contains(onlyOfKind(sale.outcome(), SettlementKind.OVERPAYMENT)
                    .settlementId());
            assertThat(reversal.amount().yen()).isEqualTo(280_000);
        });
        assertThat(voided.sale()).map(SaleState::voided).contains(true);
        assertThat(voided.outcome().exceptions()).singleElement().satisfies(e -> {
            assertThat(e.reason()).isEqualTo(ExceptionReason.VOID_AFTER_REFUND);
            assertThat(e.suggestedAction()).isEqualTo(SuggestedAction.STOP_REFUND_PAYOUT);
            assertThat(e.amount().yen()).isEqualTo(205_100);
            assertThat(e.paymentRef()).contains(SALE_REF);
            assertThat(e.invoiceId()).contains(B);
            assertThat(e.municipality()).isEqualTo(CHIYODA);
            assertThat(japanese(e)).contains("還付決定 r-1").contains("2026-11-30").contains("還付 200,000円")
                    .contains("還付加算金 5,100円").contains("205,100円 の支払を止めて").contains("返還を求めて")
                    .contains("T-1");
        });
    }

    @Test
    void voidOfAFullyRefundedSaleReversesNothingAndRaisesAllOfIt() {
        TerminalOutcome sale = secondPaymentOfB();

        TerminalOutcome voided = voidOfT1(sale, refundedBy(sale, 480_000, 0).openOf(SALE_REF),
                byId(sale.outcome().invoices()));

        assertThat(voided.outcome().settlements()).isEmpty();
        assertThat(voided.outcome().exceptions()).singleElement().satisfies(e -> {
            assertThat(e.reason()).isEqualTo(ExceptionReason.VOID_AFTER_REFUND);
            assertThat(e.amount().yen()).isEqualTo(480_000);
            assertThat(japanese(e)).contains("還付加算金 0円");
        });
    }

    @Test
    void theSameVoidAfterARefundRaisesTheSameException() {
        TerminalOutcome sale = secondPaymentOfB();

        String once = voidOfT1(sale, refundedBy(sale, 200_000, 0).openOf(SALE_REF), byId(sale.outcome().invoices()))
                .outcome().exceptions().get(0).exceptionId();
        String twice = voidOfT1(sale, refundedBy(sale, 200_000, 0).openOf(SALE_REF), byId(sale.outcome().invoices()))
                .outcome().exceptions().get(0).exceptionId();

        assertThat(once).isEqualTo(twice);
    }

    // --- VOIDs that cannot be applied ---------------------------------------------------------------------------

    @Test
    void voidOfAnUnknownSaleBooksNothingAndIsShownToStaff() {
        TerminalOutcome voided = reconciler.onTerminalVoid(voidOf("V-9", "T-404", 700), Optional.empty(), List.of(),
                Map.of());

        assertThat(voided.outcome().settlements()).isEmpty();
        assertThat(voided.outcome().invoices()).isEmpty();
        assertThat(voided.outcome().payment()).isEmpty();
        assertThat(voided.sale()).isEmpty();
        assertThat(voided.outcome().exceptions()).singleElement().satisfies(exception -> {
            assertThat(exception.reason()).isEqualTo(ExceptionReason.VOID_UNKNOWN_SALE);
            assertThat(exception.suggestedAction()).isEqualTo(SuggestedAction.INVESTIGATE);
            assertThat(exception.amount().yen()).isEqualTo(700);
            assertThat(exception.paymentRef()).contains(new PaymentRef("terminal:V-9"));
            assertThat(exception.municipality()).isEqualTo(CHIYODA);
            assertThat(japanese(exception)).contains("T-404").contains("700円").contains("見つかりません");
        });
    }

    @Test
    void voidOfAnAlreadyVoidedSaleBooksNothingEvenWithBookingsLeftAndIsShownToStaff() {
        TerminalOutcome sale = saleOverAAndB();
        Optional<SaleState> alreadyVoided = sale.sale().map(SaleState::asVoided);

        TerminalOutcome voided = reconciler.onTerminalVoid(voidOf("V-2", "T-1", 1_000), alreadyVoided,
                nothingReversed(sale), byId(sale.outcome().invoices()));

        assertThat(voided.outcome().settlements()).isEmpty();
        assertThat(voided.outcome().invoices()).isEmpty();
        assertThat(voided.sale()).isEmpty();
        assertThat(voided.outcome().exceptions()).singleElement().satisfies(exception -> {
            assertThat(exception.reason()).isEqualTo(ExceptionReason.VOID_UNKNOWN_SALE);
            assertThat(exception.suggestedAction()).isEqualTo(SuggestedAction.INVESTIGATE);
            assertThat(japanese(exception)).contains("T-1").contains("既に取り消されています");
        });
    }

    @Test
    void unknownAndAlreadyVoidedSalesAreExplainedDifferently() {
        TerminalTransaction voiding = voidOf("V-2", "T-1", 1_000);
        SaleState voidedSale = saleOverAAndB().sale().orElseThrow().asVoided();

        String unknown = japanese(reconciler.onTerminalVoid(voiding, Optional.empty(), List.of(), Map.of())
                .outcome().exceptions().get(0));
        String alreadyVoided = japanese(reconciler.onTerminalVoid(voiding, Optional.of(voidedSale), List.of(),
                Map.of()).outcome().exceptions().get(0));

        assertThat(unknown).isNotEqualTo(alreadyVoided);
    }

    // --- conservation -------------------------------------------------------------------------------------------

    @Test
    void saleThenVoidNetsEveryPaymentToZeroAndRestoresEveryOrderWhateverTheOrdersAndAmount() {
        Random random = new Random(20260622L);
        for (int run = 0; run < 1_000; run++) {
            int orders = 1 + random.nextInt(4);
            List<Invoice> before = new ArrayList<>();
            String[] ids = new String[orders];
            for (int i = 0; i < orders; i++) {
                long amount = 1 + random.nextInt(10_000);
                long settled = random.nextInt(3) == 0 ? amount : random.nextLong(amount);
                before.add(order("ORDER-" + i, amount, settled));
                ids[i] = "ORDER-" + i;
            }
            long paid = 1 + random.nextInt(30_000);
            String context = "run " + run + ": " + paid + " over " + before;
            TerminalOutcome sale = reconciler.onTerminalSale(saleOfOrders("T-" + run, paid, ids), before,
                    PayerInvoices.NONE);

            TerminalOutcome voided = reconciler.onTerminalVoid(voidOf("V-" + run, "T-" + run, paid), sale.sale(),
                    nothingReversed(sale), byId(sale.outcome().invoices()));

            assertThat(total(voided.outcome().settlements(), SettlementKind.REVERSAL)).as(context).isEqualTo(paid);
            assertThat(voided.outcome().settlements()).as(context).hasSameSizeAs(sale.outcome().settlements());
            Map<InvoiceId, Invoice> after = byId(sale.outcome().invoices());
            after.putAll(byId(voided.outcome().invoices()));
            for (Invoice original : before) {
                assertThat(after.get(original.id()).settledRevenue().yen()).as(context).isEqualTo(original.settledRevenue().yen());
            }
        }
    }
}
