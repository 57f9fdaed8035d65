package io.shuno.reconciliation;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static io.shuno.reconciliation.ReconciliationFixtures.CHIYODA;
import static io.shuno.reconciliation.ReconciliationFixtures.japanese;
import static io.shuno.reconciliation.ReconciliationFixtures.onlyFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An acquirer's statement through {@link Reconciler#onAcquirerStatement}: revenue stays gross, the fee
 * (加盟店手数料) is booked as a FEE settlement of its own, and a statement that disagrees with the terminal's sales
 * is shown to staff.
 */
class AcquirerStatementsTest {

    private static final Reconciler reconciler = new Reconciler(ReconciliationFixtures.RATES);
    /** The last day of FY2025; the acquirer deposits in FY2026. */
    private static final LocalDate BUSINESS_DATE = LocalDate.of(2026, 3, 31);
    private static final LocalDate DEPOSIT_DATE = LocalDate.of(2026, 4, 2);

    /** A statement of {@code count} sales grossing {@code gross}, of which the acquirer keeps {@code fee}. */
    private static AcquirerStatement statement(long count, long gross, long fee) {
        return new AcquirerStatement("ST-20260331-E", "東京カード", CHIYODA, BUSINESS_DATE, Brand.EMONEY, Amount.of(gross), count,
                Amount.of(fee), Amount.of(gross - fee), DEPOSIT_DATE);
    }

    @Test
    void netDepositMustBeGrossSalesLessTheFee() {
        assertThatThrownBy(() -> new AcquirerStatement("ST-1", "東京カード", CHIYODA, BUSINESS_DATE, Brand.CREDIT,
                Amount.of(10_000), 3, Amount.of(300), Amount.of(9_600), DEPOSIT_DATE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AcquirerStatement("ST-1", "東京カード", CHIYODA, BUSINESS_DATE, Brand.CREDIT,
                Amount.of(10_000), 3, Amount.of(300), Amount.of(10_000), DEPOSIT_DATE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new AcquirerStatement("ST-1", "東京カード", CHIYODA, BUSINESS_DATE, Brand.CREDIT,
                Amount.of(10_000), 3, Amount.of(300), Amount.of(9_700), DEPOSIT_DATE).netDeposit().yen()).isEqualTo(9_700);
    }

    @Test
    void feeLargerThanTheGrossIsRejectedBecauseTheDepositWouldBeNegative() {
        assertThatThrownBy(() -> new AcquirerStatement("ST-1", "東京カード", CHIYODA, BUSINESS_DATE, Brand.CREDIT,
                Amount.of(100), 1, Amount.of(300), Amount.of(-200), DEPOSIT_DATE))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void statementMatchingTheTerminalsSalesBooksOnlyTheFeeAndRaisesNothing() {
        Outcome outcome = reconciler.onAcquirerStatement(statement(3, 10_000, 330), new SalesTotals(3, 10_000));

        assertThat(outcome.exceptions()).isEmpty();
        assertThat(outcome.settlements()).singleElement().satisfies(fee -> {
            assertThat(fee.kind()).isEqualTo(SettlementKind.FEE);
            assertThat(fee.amount().yen()).isEqualTo(330);
            assertThat(fee.paymentRef()).isEqualTo(new PaymentRef("acquirer:ST-20260331-E"));
            assertThat(fee.invoiceId()).isEmpty();
            assertThat(fee.reverses()).isEmpty();
            assertThat(fee.municipality()).isEqualTo(CHIYODA);
            assertThat(fee.channel()).isEqualTo(Channel.COUNTER_EMONEY);
            assertThat(fee.cause()).isEqualTo("acquirer-statement:ST-20260331-E");
        });
        assertThat(outcome.invoices()).isEmpty();
        assertThat(outcome.payment()).isEmpty();
    }

    @Test
    void feeBooksToTheFiscalYearOfTheBusinessDateNotOfTheDeposit() {
        Outcome outcome = reconciler.onAcquirerStatement(statement(3, 10_000, 330), new SalesTotals(3, 10_000));

        Settlement fee = outcome.settlements().get(0);
        assertThat(fee.bookingYear()).isEqualTo(new BookingYear(new FiscalYear(2025), YearClass.CURRENT));
        assertThat(fee.receivedOn()).isEqualTo(BUSINESS_DATE);
    }

    @Test
    void feeChannelFollowsTheStatementsBrand() {
        for (Brand brand : Brand.values()) {
            AcquirerStatement statement = new AcquirerStatement("ST-" + brand, "acq", CHIYODA, BUSINESS_DATE, brand,
                    Amount.of(1_000), 1, Amount.of(30), Amount.of(970), DEPOSIT_DATE);

            assertThat(reconciler.onAcquirerStatement(statement, new SalesTotals(1, 1_000)).settlements())
                    .singleElement().extracting(Settlement::channel).as(brand.name()).isEqualTo(brand.channel());
        }
    }

    @Test
    void statementWithoutFeeBooksNoSettlement() {
        Outcome outcome = reconciler.onAcquirerStatement(statement(3, 10_000, 0), new SalesTotals(3, 10_000));

        assertThat(outcome.settlements()).isEmpty();
        assertThat(outcome.exceptions()).isEmpty();
    }

    @Test
    void theSameStatementGivesTheSameFeeIdAndAnotherStatementAnotherOne() {
        String once = reconciler.onAcquirerStatement(statement(3, 10_000, 330), new SalesTotals(3, 10_000))
                .settlements().get(0).settlementId();
        String twice = reconciler.onAcquirerStatement(statement(3, 10_000, 330), new SalesTotals(3, 10_000))
                .settlements().get(0).settlementId();
        String other = reconciler.onAcquirerStatement(new AcquirerStatement("ST-other", "東京カード", CHIYODA,
                BUSINESS_DATE, Brand.EMONEY, Amount.of(10_000), 3, Amount.of(330), Amount.of(9_670), DEPOSIT_DATE), new SalesTotals(3, 10_000))
                .settlements().get(0).settlementId();

        assertThat(once).isEqualTo(twice).isNotEqualTo(other);
    }

    @Test
    void statementWithOneSaleMoreThanTheTerminalIsAMismatchNamingThePositiveDifferences() {
        Outcome outcome = reconciler.onAcquirerStatement(statement(4, 11_000, 363), new SalesTotals(3, 10_000));

        StaffException mismatch = onlyFor(outcome, ExceptionReason.STATEMENT_MISMATCH);
        assertThat(mismatch.amount().yen()).isEqualTo(1_000);
        assertThat(mismatch.suggestedAction()).isEqualTo(SuggestedAction.INVESTIGATE);
        assertThat(mismatch.paymentRef()).contains(new PaymentRef("acquirer:ST-20260331-E"));
        assertThat(mismatch.invoiceId()).isEmpty();
        assertThat(mismatch.municipality()).isEqualTo(CHIYODA);
        assertThat(japanese(mismatch))
                .contains("東京カード")
                .contains("2026-03-31")
                .contains("EMONEY")
                .contains("4 件、11,000円")
                .contains("3 件、10,000円")
                .contains("+1 件、+1,000円");
        assertThat(outcome.exceptions()).hasSize(1);
    }

    @Test
    void statementWithOneSaleLessThanTheTerminalIsAMismatchNamingTheNegativeDifferencesAndAPositiveAmount() {
        Outcome outcome = reconciler.onAcquirerStatement(statement(2, 9_000, 297), new SalesTotals(3, 10_000));

        StaffException mismatch = onlyFor(outcome, ExceptionReason.STATEMENT_MISMATCH);
        assertThat(mismatch.amount().yen()).isEqualTo(1_000);
        assertThat(japanese(mismatch)).contains("-1 件、-1,000円").doesNotContain("+");
    }

    @Test
    void statementWithTheSameCountButAnotherGrossIsAMismatch() {
        Outcome outcome = reconciler.onAcquirerStatement(statement(3, 10_500, 330), new SalesTotals(3, 10_000));

        StaffException mismatch = onlyFor(outcome, ExceptionReason.STATEMENT_MISMATCH);
        assertThat(mismatch.amount().yen()).isEqualTo(500);
        assertThat(japanese(mismatch)).contains("差は 0 件、+500円");
    }

    @Test
    void statementWithTheSameGrossButAnotherCountIsAMismatchOfNoMoney() {
        Outcome outcome = reconciler.onAcquirerStatement(statement(4, 10_000, 330), new SalesTotals(3, 10_000));

        StaffException mismatch = onlyFor(outcome, ExceptionReason.STATEMENT_MISMATCH);
        assertThat(mismatch.amount().yen()).isZero();
        assertThat(japanese(mismatch)).contains("差は +1 件、0円");
    }

    @Test
    void mismatchingStatementStillBooksItsFeeBecauseTheAcquirerKeptIt() {
        Outcome outcome = reconciler.onAcquirerStatement(statement(4, 11_000, 363), new SalesTotals(3, 10_000));

        assertThat(outcome.settlements()).singleElement().satisfies(fee -> {
            assertThat(fee.kind()).isEqualTo(SettlementKind.FEE);
            assertThat(fee.amount().yen()).isEqualTo(363);
        });
    }

    @Test
    void statementOfADayWithoutSalesMatchesEmptyTotals() {
        Outcome outcome = reconciler.onAcquirerStatement(statement(0, 0, 0), new SalesTotals(0, 0));

        assertThat(outcome.settlements()).isEmpty();
        assertThat(outcome.exceptions()).isEmpty();
    }

    @Test
    void statementOfADayWhoseSalesTheTerminalNeverReportedIsAMismatch() {
        Outcome outcome = reconciler.onAcquirerStatement(statement(2, 2_000, 66), new SalesTotals(0, 0));

        assertThat(onlyFor(outcome, ExceptionReason.STATEMENT_MISMATCH).amount().yen()).isEqualTo(2_000);
    }
}
