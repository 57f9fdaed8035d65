package io.shuno.reconciliation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which decision fits which exception, and how a resent request is recognised. */
class ResolutionActionTest {

    @Test
    void appropriationAndRefundApplyToMoneyHeldAsOverpaymentOnly() {
        for (ResolutionAction action : new ResolutionAction[] {ResolutionAction.APPROPRIATE, ResolutionAction.REFUND}) {
            assertThat(action.appliesTo(ExceptionReason.OVERPAYMENT)).isTrue();
            assertThat(action.appliesTo(ExceptionReason.DOUBLE_PAYMENT)).isTrue();
            assertThat(action.appliesTo(ExceptionReason.PAID_AFTER_CANCELLATION)).isTrue();
            assertThat(action.appliesTo(ExceptionReason.AMOUNT_REDUCED_AFTER_PAYMENT)).isTrue();
            assertThat(action.appliesTo(ExceptionReason.UNMATCHED)).isFalse();
            assertThat(action.appliesTo(ExceptionReason.LATE_CHARGE_DUE)).isFalse();
        }
    }

    @Test
    void onlySuspenseIsMatchedByHandAndAnyCaseCanBeClosed() {
        assertThat(ResolutionAction.MATCH.appliesTo(ExceptionReason.UNMATCHED)).isTrue();
        assertThat(ResolutionAction.MATCH.appliesTo(ExceptionReason.OVERPAYMENT)).isFalse();
        for (ExceptionReason reason : ExceptionReason.values()) {
            assertThat(ResolutionAction.CLOSE.appliesTo(reason)).isTrue();
        }
    }

    @Test
    void theSameRequestNamesTheSameResolutionAndAnotherActionOrKeyAnother() {
        String id = ResolutionAction.CLOSE.resolutionId("e-1", "key-1");

        assertThat(ResolutionAction.CLOSE.resolutionId("e-1", "key-1")).isEqualTo(id);
        assertThat(ResolutionAction.REFUND.resolutionId("e-1", "key-1")).isNotEqualTo(id);
        assertThat(ResolutionAction.CLOSE.resolutionId("e-1", "key-2")).isNotEqualTo(id);
    }
}
