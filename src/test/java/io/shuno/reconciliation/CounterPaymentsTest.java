package io.shuno.reconciliation;

import io.shuno.testsupport.ElQrPayloads;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import static io.shuno.reconciliation.CounterFixtures.FY2026;
import static io.shuno.reconciliation.CounterFixtures.SALE_DAY_IN_TOKYO;
import static io.shuno.reconciliation.CounterFixtures.SOLD_AT;
import static io.shuno.reconciliation.CounterFixtures.TERMINAL;
import static io.shuno.reconciliation.CounterFixtures.order;
import static io.shuno.reconciliation.CounterFixtures.saleOfOrders;
import static io.shuno.reconciliation.CounterFixtures.saleOfSlip;
import static io.shuno.reconciliation.ReconciliationFixtures.CHIYODA;
import static io.shuno.reconciliation.ReconciliationFixtures.EL_NUMBER;
import static io.shuno.reconciliation.ReconciliationFixtures.FY2025;
import static io.shuno.reconciliation.ReconciliationFixtures.INVOICE_ID;
import static io.shuno.reconciliation.ReconciliationFixtures.UNKNOWN_EL_NUMBER;
import static io.shuno.reconciliation.ReconciliationFixtures.japanese;
import static io.shuno.reconciliation.ReconciliationFixtures.onlyFor;
import static io.shuno.reconciliation.ReconciliationFixtures.onlyOfKind;
import static io.shuno.reconciliation.ReconciliationFixtures.terms;
import static io.shuno.reconciliation.ReconciliationFixtures.total;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * 窓口キャッシュレス SALEs through {@link Reconciler#onTerminalSale}: counter orders are paid in the listed order, the
 * excess is 過誤納金 on the last listed order, unknown orders go to suspense, and a scanned eL-QR slip is paid like
 * an eLTAX payment.
 */
class CounterPaymentsTest {

    private static final Reconciler reconciler = new Reconciler(ReconciliationFixtures.RATES);
    private static final InvoiceId A = new InvoiceId("ORDER-A");
    private static final InvoiceId B = new InvoiceId("ORDER-B");

    private static TerminalOutcome sell(TerminalTransaction sale, Invoice... found) {
        return reconciler.onTerminalSale(sale, List.of(found), PayerInvoices.NONE);
    }

    // --- counter orders -----------------------------------------------------------------------------------------

    @Test
    void saleOverTwoOrdersPaysThemInTheListedOrderAndBooksTheExcessAsOverpaymentOnTheLastListed() {
        TerminalOutcome sale = sell(saleOfOrders("T-1", 1_000, "ORDER-A", "ORDER-B"),
                order("ORDER-A", 300), order("ORDER-B", 450));

        assertThat(sale.outcome().settlements())
                .extracting(Settlement::kind, Settlement::invoiceId, s -> s.amount().yen())
                .containsExactly(
                        tuple(SettlementKind.REVENUE, Optional.of(A), 300L),
                        tuple(SettlementKind.REVENUE, Optional.of(B), 450L),
                        tuple(SettlementKind.OVERPAYMENT, Optional.of(B), 250L));
        assertThat(sale.outcome().exceptions()).singleElement().satisfies(exception -> {
            assertThat(exception.reason()).isEqualTo(ExceptionReason.OVERPAYMENT);
            assertThat(exception.amount().yen()).isEqualTo(250);
            assertThat(exception.invoiceId()).contains(B);
            assertThat(exception.paymentRef()).contains(new PaymentRef("terminal:T-1"));
        });
    }

    @Test
    void saleReturnsEveryListedOrderUpdatedAndInTheListedOrder() {
        TerminalOutcome sale = sell(saleOfOrders("T-1", 1_000, "ORDER-B", "ORDER-A"),
                order("ORDER-B", 450), order("ORDER-A", 300));

        assertThat(sale.outcome().invoices())
                .extracting(Invoice::id, i -> i.settledRevenue().yen(), Invoice::status)
                .containsExactly(
                        tuple(B, 450L, InvoiceStatus.PAID),
                        tuple(A, 300L, InvoiceStatus.PAID));
        assertThat(onlyOfKind(sale.outcome(), SettlementKind.OVERPAYMENT).invoiceId())
                .as("the excess lands on the last listed order, here A").contains(A);
    }

    @Test
    void everySettlementOfASaleCarriesTheTerminalPaymentRefTheBrandsChannelAndTheTokyoDateOfTheSale() {
        TerminalOutcome sale = sell(saleOfOrders("T-1", 1_000, "ORDER-A", "ORDER-B"),
                order("ORDER-A", 300), order("ORDER-B", 450));

        assertThat(sale.outcome().settlements()).hasSize(3).allSatisfy(settlement -> {
            assertThat(settlement.paymentRef()).isEqualTo(new PaymentRef("terminal:T-1"));
            assertThat(settlement.channel()).isEqualTo(Channel.COUNTER_CREDIT);
            assertThat(settlement.receivedOn()).isEqualTo(SALE_DAY_IN_TOKYO);
            assertThat(settlement.municipality()).isEqualTo(CHIYODA);
            assertThat(settlement.cause()).isEqualTo("terminal-transaction:T-1");
            assertThat(settlement.account()).isEqualTo(Account.GENERAL);
        });
        assertThat(onlyOfKind(sale.outcome(), SettlementKind.OVERPAYMENT).bookingYear())
                .isEqualTo(new BookingYear(FY2026, YearClass.CURRENT));
    }

    @Test
    void eachBrandBooksToItsOwnCounterChannel() {
        for (Brand brand : Brand.values()) {
            TerminalOutcome sale = sell(saleOfOrders("T-" + brand, brand, 300, SOLD_AT, "ORDER-A"),
                    order("ORDER-A", 300));

            assertThat(onlyOfKind(sale.outcome(), SettlementKind.REVENUE).channel()).as(brand.name())
                    .isEqualTo(switch (brand) {
                        case CREDIT -> Channel.COUNTER_CREDIT;
                        case EMONEY -> Channel.COUNTER_EMONEY;
                        case QR -> Channel.COUNTER_QR;
                    });
        }
    }

    @Test
    void saleAtOneInTheMorningInTokyoIsReceivedOnThatTokyoDateNotTheUtcDate() {
        TerminalTransaction sale = saleOfOrders("T-1", 300, "ORDER-A");

        assertThat(sale.businessDate()).isEqualTo(LocalDate.of(2026, 6, 21));
        assertThat(onlyOfKind(sell(sale, order("ORDER-A", 300)).outcome(), SettlementKind.REVENUE).receivedOn())
                .isEqualTo(LocalDate.of(2026, 6, 21));
    }

    @Test
    void saleOfAnOrderOfLastYearOnThirtyFirstOfMayUtcCountsToTheNewYearAsArrearsBecauseTokyoIsAlreadyInJune() {
        Invoice lastYears = new Invoice(new InvoiceTerms(A, CHIYODA, Optional.empty(), Item.CERTIFICATE_FEE,
                Account.GENERAL, "01.14.01.01", FY2025, Amount.of(300), LocalDate.of(2026, 3, 31), "p", Optional.empty()),
                false, Amount.ZERO, Amount.ZERO);
        OffsetDateTime lateOnMay31Utc = OffsetDateTime.parse("2026-05-31T15:30:00Z");

        TerminalOutcome sale = sell(saleOfOrders("T-1", Brand.CREDIT, 300, lateOnMay31Utc, "ORDER-A"), lastYears);

        assertThat(onlyOfKind(sale.outcome(), SettlementKind.REVENUE).bookingYear())
                .isEqualTo(new BookingYear(FY2026, YearClass.ARREARS));
    }

    @Test
    void saleRecordsItsSaleStateNotVoidedWithBrandAmountAndBusinessDate() {
        TerminalOutcome sale = sell(saleOfOrders("T-1", 1_000, "ORDER-A", "ORDER-B"),
                order("ORDER-A", 300), order("ORDER-B", 450));

        assertThat(sale.sale()).contains(
                new SaleState("T-1", CHIYODA, Brand.CREDIT, 1_000, SALE_DAY_IN_TOKYO,
                        List.of(new InvoiceId("ORDER-A"), new InvoiceId("ORDER-B")), Optional.empty(), false));
    }

    @Test
    void saleOfCounterOrdersLeavesNoPaymentStateBecauseItNamesNoElNumber() {
        TerminalOutcome sale = sell(saleOfOrders("T-1", 300, "ORDER-A"), order("ORDER-A", 300));

        assertThat(sale.outcome().payment()).isEmpty();
    }

    @Test
    void saleLessThanTheFirstOrdersBalanceBooksPartialRevenueOnThatOrderOnly() {
        TerminalOutcome sale = sell(saleOfOrders("T-1", 200, "ORDER-A", "ORDER-B"),
                order("ORDER-A", 300), order("ORDER-B", 450));

        assertThat(sale.outcome().settlements()).singleElement().satisfies(revenue -> {
            assertThat(revenue.kind()).isEqualTo(SettlementKind.REVENUE);
            assertThat(revenue.invoiceId()).contains(A);
            assertThat(revenue.amount().yen()).isEqualTo(200);
        });
        assertThat(sale.outcome().exceptions()).isEmpty();
        assertThat(sale.outcome().invoices())
                .extracting(Invoice::id, i -> i.settledRevenue().yen(), Invoice::status)
                .containsExactly(
                        tuple(A, 200L, InvoiceStatus.PARTIALLY_PAID),
                        tuple(B, 0L, InvoiceStatus.OPEN));
    }

    @Test
    void saleExactlyCoveringTheListedOrdersPaysThemAllWithoutException() {
        TerminalOutcome sale = sell(saleOfOrders("T-1", 750, "ORDER-A", "ORDER-B"),
                order("ORDER-A", 300), order("ORDER-B", 450));

        assertThat(total(sale.outcome().settlements(), SettlementKind.REVENUE)).isEqualTo(750);
        assertThat(sale.outcome().settlements()).extracting(Settlement::kind).containsOnly(SettlementKind.REVENUE);
        assertThat(sale.outcome().exceptions()).isEmpty();
    }

    @Test
    void salePaysOnlyWhatIsStillOpenOnAPartlyPaidOrderBeforeMovingToTheNext() {
        TerminalOutcome sale = sell(saleOfOrders("T-1", 400, "ORDER-A", "ORDER-B"),
                order("ORDER-A", 300, 100), order("ORDER-B", 450));

        assertThat(sale.outcome().settlements())
                .extracting(Settlement::kind, Settlement::invoiceId, s -> s.amount().yen())
                .containsExactly(
                        tuple(SettlementKind.REVENUE, Optional.of(A), 200L),
                        tuple(SettlementKind.REVENUE, Optional.of(B), 200L));
    }

    @Test
    void saleWhenNoListedOrderExistsIsHeldInSuspenseAndShownAsUnmatchedNamingTheOrders() {
        TerminalOutcome sale = sell(saleOfOrders("T-1", 1_000, "ORDER-A", "ORDER-B"));

        assertThat(sale.outcome().settlements()).singleElement().satisfies(suspense -> {
            assertThat(suspense.kind()).isEqualTo(SettlementKind.SUSPENSE);
            assertThat(suspense.amount().yen()).isEqualTo(1_000);
            assertThat(suspense.invoiceId()).isEmpty();
            assertThat(suspense.paymentRef()).isEqualTo(new PaymentRef("terminal:T-1"));
            assertThat(suspense.channel()).isEqualTo(Channel.COUNTER_CREDIT);
            assertThat(suspense.receivedOn()).isEqualTo(SALE_DAY_IN_TOKYO);
        });
        StaffException unmatched = onlyFor(sale.outcome(), ExceptionReason.UNMATCHED);
        assertThat(unmatched.amount().yen()).isEqualTo(1_000);
        assertThat(unmatched.municipality()).isEqualTo(CHIYODA);
        assertThat(japanese(unmatched)).contains("窓口注文").contains("ORDER-A").contains("ORDER-B")
                .contains("1,000円");
        assertThat(sale.outcome().exceptions()).hasSize(1);
        assertThat(sale.outcome().invoices()).isEmpty();
        assertThat(sale.sale()).map(SaleState::voided).contains(false);
    }

    @Test
    void saleOfOrdersAlreadyPaidIsWhollyOverpaymentFlaggedAsDoublePayment() {
        TerminalOutcome sale = sell(saleOfOrders("T-2", 1_000, "ORDER-A", "ORDER-B"),
                order("ORDER-A", 300, 300), order("ORDER-B", 450, 450));

        assertThat(sale.outcome().settlements()).singleElement().satisfies(overpayment -> {
            assertThat(overpayment.kind()).isEqualTo(SettlementKind.OVERPAYMENT);
            assertThat(overpayment.amount().yen()).isEqualTo(1_000);
            assertThat(overpayment.invoiceId()).contains(B);
        });
        assertThat(sale.outcome().exceptions()).singleElement().satisfies(exception -> {
            assertThat(exception.reason()).isEqualTo(ExceptionReason.DOUBLE_PAYMENT);
            assertThat(exception.amount().yen()).isEqualTo(1_000);
            assertThat(exception.invoiceId()).contains(B);
            assertThat(exception.suggestedAction()).isEqualTo(SuggestedAction.REFUND);
        });
        assertThat(sale.outcome().invoices()).extracting(Invoice::settledRevenue).containsExactly(Amount.of(300), Amount.of(450));
    }

    @Test
    void saleOfACancelledOrderIsWhollyOverpaymentPaidAfterCancellation() {
        Invoice cancelled = new Invoice(CounterFixtures.orderTerms("ORDER-A", 300), true, Amount.ZERO, Amount.ZERO);

        TerminalOutcome sale = sell(saleOfOrders("T-1", 300, "ORDER-A"), cancelled);

        assertThat(onlyOfKind(sale.outcome(), SettlementKind.OVERPAYMENT).amount().yen()).isEqualTo(300);
        assertThat(sale.outcome().settlements()).extracting(Settlement::kind).doesNotContain(SettlementKind.REVENUE);
        assertThat(onlyFor(sale.outcome(), ExceptionReason.PAID_AFTER_CANCELLATION).amount().yen()).isEqualTo(300);
    }

    @Test
    void theSameSaleGivesTheSameSettlementIdsAndDifferentSalesDifferentOnes() {
        TerminalOutcome first = sell(saleOfOrders("T-1", 1_000, "ORDER-A", "ORDER-B"),
                order("ORDER-A", 300), order("ORDER-B", 450));
        TerminalOutcome again = sell(saleOfOrders("T-1", 1_000, "ORDER-A", "ORDER-B"),
                order("ORDER-A", 300), order("ORDER-B", 450));
        TerminalOutcome other = sell(saleOfOrders("T-2", 1_000, "ORDER-A", "ORDER-B"),
                order("ORDER-A", 300), order("ORDER-B", 450));

        List<String> ids = first.outcome().settlements().stream().map(Settlement::settlementId).toList();
        assertThat(ids).doesNotHaveDuplicates();
        assertThat(again.outcome().settlements()).extracting(Settlement::settlementId).isEqualTo(ids);
        assertThat(other.outcome().settlements()).extracting(Settlement::settlementId).doesNotContainAnyElementsOf(ids);
    }

    // --- scanned eL-QR slip -------------------------------------------------------------------------------------

    /** Paid at the counter ten days before the slip's due date (2025-06-30), so no 延滞金 is in play. */
    private static final OffsetDateTime SLIP_PAID_AT = OffsetDateTime.parse("2025-06-20T10:00:00+09:00");

    @Test
    void saleOfAScannedSlipBooksRevenueOnTheSlipsInvoiceLikeAnEltaxPayment() {
        Invoice slipInvoice = Invoice.issued(terms(5_000));

        TerminalOutcome sale = sell(saleOfSlip("T-QR", CHIYODA, EL_NUMBER, 5_000, SLIP_PAID_AT), slipInvoice);

        assertThat(sale.outcome().settlements()).singleElement().satisfies(revenue -> {
            assertThat(revenue.kind()).isEqualTo(SettlementKind.REVENUE);
            assertThat(revenue.invoiceId()).contains(INVOICE_ID);
            assertThat(revenue.amount().yen()).isEqualTo(5_000);
            assertThat(revenue.account()).isEqualTo(Account.NHI);
            assertThat(revenue.channel()).isEqualTo(Channel.COUNTER_QR);
            assertThat(revenue.paymentRef()).isEqualTo(new PaymentRef("terminal:T-QR"));
            assertThat(revenue.bookingYear()).isEqualTo(new BookingYear(FY2025, YearClass.CURRENT));
        });
        assertThat(sale.outcome().exceptions()).isEmpty();
        assertThat(sale.outcome().invoice()).map(Invoice::status).contains(InvoiceStatus.PAID);
    }

    @Test
    void saleOfAScannedSlipLeavesAPaymentConfirmedAgainstTheSlipsElNumber() {
        TerminalOutcome sale = sell(saleOfSlip("T-QR", CHIYODA, EL_NUMBER, 5_000, SLIP_PAID_AT),
                Invoice.issued(terms(5_000)));

        assertThat(sale.outcome().payment()).contains(
                new PaymentState(new PaymentRef("terminal:T-QR"), EL_NUMBER, 5_000, NoticeStage.CONFIRMED));
        assertThat(sale.sale()).map(SaleState::brand).contains(Brand.QR);
    }

    @Test
    void saleOfAScannedSlipWithoutItsInvoiceIsHeldInSuspenseNamingTheElNumberAndStaysConfirmedForReMatching() {
        TerminalOutcome sale = sell(saleOfSlip("T-QR", CHIYODA, EL_NUMBER, 5_000, SLIP_PAID_AT));

        assertThat(onlyOfKind(sale.outcome(), SettlementKind.SUSPENSE).amount().yen()).isEqualTo(5_000);
        assertThat(japanese(onlyFor(sale.outcome(), ExceptionReason.UNMATCHED)))
                .contains("eL番号 " + EL_NUMBER.value()).doesNotContain("窓口注文");
        assertThat(sale.outcome().payment()).map(PaymentState::elNumber).contains(EL_NUMBER);
        assertThat(sale.outcome().payment()).map(PaymentState::stage).contains(NoticeStage.CONFIRMED);
    }

    @Test
    void slipOfAnotherMunicipalityThanTheTransactionIsRejectedAtConstruction() {
        ElQr oitaSlip = ElQr.decode(ElQrPayloads.slipFor(UNKNOWN_EL_NUMBER.value(), 5_000));

        assertThatThrownBy(() -> new TerminalTransaction("T-QR", TerminalTransactionType.SALE, TERMINAL, CHIYODA,
                Brand.QR, Amount.of(5_000), SLIP_PAID_AT, List.of(), Optional.of(oitaSlip), Optional.empty()))
                .isInstanceOf(InvalidIdentifierException.class)
                .hasMessageContaining("442011").hasMessageContaining("131016");
    }

    @Test
    void saleMustPayEitherCounterOrdersOrOneScannedSlipNeverBothNorNeither() {
        ElQr slip = ElQr.decode(ElQrPayloads.slipFor(EL_NUMBER.value(), 5_000));

        assertThatThrownBy(() -> new TerminalTransaction("T-1", TerminalTransactionType.SALE, TERMINAL, CHIYODA,
                Brand.QR, Amount.of(5_000), SOLD_AT, List.of(A), Optional.of(slip), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TerminalTransaction("T-1", TerminalTransactionType.SALE, TERMINAL, CHIYODA,
                Brand.QR, Amount.of(5_000), SOLD_AT, List.of(), Optional.empty(), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anOrderListedTwiceInOneSaleIsRejectedRatherThanPaidTwice() {
        assertThatThrownBy(() -> saleOfOrders("T-1", 600, "ORDER-A", "ORDER-A"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("listed once");
    }

    @Test
    void terminalTransactionsOfNoMoneyAndVoidsNamingNoSaleAreRejected() {
        assertThatThrownBy(() -> saleOfOrders("T-1", 0, "ORDER-A")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TerminalTransaction("V-1", TerminalTransactionType.VOID, TERMINAL, CHIYODA,
                Brand.CREDIT, Amount.of(300), SOLD_AT, List.of(), Optional.empty(), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    // --- conservation -------------------------------------------------------------------------------------------

    @Test
    void everySaleIsSettledToTheYenAndNeverBooksMoreRevenueThanTheOrdersStillOwe() {
        Random random = new Random(20260621L);
        for (int run = 0; run < 2_000; run++) {
            int orders = random.nextInt(5);
            List<Invoice> found = new ArrayList<>();
            String[] ids = new String[Math.max(orders, 1)];
            ids[0] = "ORDER-0";
            long stillOwed = 0;
            for (int i = 0; i < orders; i++) {
                long amount = 1 + random.nextInt(20_000);
                long settled = random.nextInt(3) == 0 ? amount : random.nextInt(2) == 0 ? 0 : random.nextLong(amount);
                boolean cancelled = random.nextInt(8) == 0;
                Invoice invoice = new Invoice(CounterFixtures.orderTerms("ORDER-" + i, amount), cancelled,
                        Amount.of(cancelled ? 0 : settled), Amount.ZERO);
                found.add(invoice);
                ids[i] = invoice.id().value();
                stillOwed += invoice.openBalance().yen();
            }
            long paid = 1 + random.nextInt(60_000);
            String context = "run " + run + ": " + paid + " over " + found;

            Outcome outcome = sell(saleOfOrders("T-" + run, paid, ids), found.toArray(Invoice[]::new)).outcome();

            assertThat(total(outcome.settlements())).as(context).isEqualTo(paid);
            assertThat(total(outcome.settlements(), SettlementKind.REVENUE)).as(context)
                    .isEqualTo(Math.min(paid, stillOwed));
            assertThat(outcome.settlements()).as(context).allSatisfy(s -> {
                assertThat(s.amount().yen()).isPositive();
                assertThat(s.kind()).isNotEqualTo(SettlementKind.REVERSAL);
            });
            assertThat(outcome.invoices()).as(context).hasSize(found.size()).allSatisfy(after ->
                    assertThat(after.settledRevenue().yen()).isLessThanOrEqualTo(after.terms().amount().yen()));
            for (int i = 0; i < found.size(); i++) {
                Invoice before = found.get(i);
                long revenue = outcome.settlements().stream().filter(s -> s.kind() == SettlementKind.REVENUE
                        && s.invoiceId().equals(Optional.of(before.id()))).mapToLong(s -> s.amount().yen()).sum();
                assertThat(revenue).as(context).isLessThanOrEqualTo(before.openBalance().yen());
                assertThat(outcome.invoices().get(i).settledRevenue().yen()).as(context)
                        .isEqualTo(before.settledRevenue().yen() + revenue);
            }
        }
    }
}
