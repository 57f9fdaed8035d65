package io.shuno.reconciliation;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static io.shuno.reconciliation.ReconciliationFixtures.invoice;
import static io.shuno.reconciliation.ReconciliationFixtures.notice;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AmountTest {

    @Test
    void anAmountIsNeverNegative() {
        assertThatThrownBy(() -> Amount.of(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must not be negative");
        assertThat(Amount.of(0)).isSameAs(Amount.ZERO);
    }

    @Test
    void aPositiveAmountIsRequiredWhereNothingMeansNoPayment() {
        assertThatThrownBy(() -> Amount.ZERO.requirePositive("a payment amount"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("a payment amount must be positive");
        assertThat(Amount.of(1).requirePositive("a payment amount")).isEqualTo(Amount.of(1));
    }

    @Test
    void aSumBeyondWhatALongHoldsFailsInsteadOfWrapping() {
        assertThat(Amount.of(Long.MAX_VALUE - 1).plus(Amount.of(1))).isEqualTo(Amount.of(Long.MAX_VALUE));
        assertThatThrownBy(() -> Amount.of(Long.MAX_VALUE).plus(Amount.of(1))).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void takingAwayMoreThanThereIsFailsUnlessWhatIsLeftMayBeNothing() {
        assertThat(Amount.of(5_000).minus(Amount.of(2_000))).isEqualTo(Amount.of(3_000));
        assertThatThrownBy(() -> Amount.of(2_000).minus(Amount.of(5_000))).isInstanceOf(IllegalArgumentException.class);
        assertThat(Amount.of(2_000).minusAtMost(Amount.of(5_000))).isEqualTo(Amount.ZERO);
        assertThat(Amount.of(5_000).minusAtMost(Amount.of(2_000))).isEqualTo(Amount.of(3_000));
    }

    @Test
    void aDifferenceIsSignedAndComparisonsFollowTheYen() {
        assertThat(Amount.of(2_000).difference(Amount.of(5_000))).isEqualTo(-3_000);
        assertThat(Amount.of(2_000).min(Amount.of(5_000))).isEqualTo(Amount.of(2_000));
        assertThat(Amount.of(2_000).isLessThan(Amount.of(5_000))).isTrue();
        assertThat(Amount.of(5_000).isGreaterThan(Amount.of(2_000))).isTrue();
        assertThat(Amount.of(5_000)).isGreaterThan(Amount.of(2_000));
        assertThat(Amount.ZERO.isZero()).isTrue();
        assertThat(Amount.of(1).isPositive()).isTrue();
    }

    @Test
    void anAmountPrintsAsTheBareNumberSoRecordTextsStayAsTheyWere() {
        assertThat(Amount.of(12_000)).hasToString("12000");
    }

    @Test
    void anAnnouncementThatWouldOverflowWhatTheInvoiceHasAnnouncedFailsRatherThanWrap() {
        Invoice announced = invoice(5_000, 0).withAnnounced(Amount.of(Long.MAX_VALUE));

        assertThatThrownBy(() -> new Reconciler(ReconciliationFixtures.RATES).onNotice(Optional.of(announced),
                Optional.empty(), notice(NoticeStage.PRELIMINARY, 1), PayerInvoices.NONE))
                .isInstanceOf(ArithmeticException.class);
    }
}
