package io.shuno.reconciliation;

import java.time.LocalDate;

/**
 * 時効 of a refund claim: 2 years for the three insurance premiums (国保法110条, 介護保険法200条, 高齢者医療確保法160条),
 * 5 years for other public money (地方自治法236条). The period runs from the day after the claim arose — the
 * reduction or cancellation for 過納, the payment for 誤納 — so the last day a refund may be decided is the day
 * that corresponds, that many years on, to the day it arose.
 */
public final class RefundPrescription {

    private RefundPrescription() {
    }

    public static LocalDate lastDayToRefund(Item item, LocalDate aroseOn) {
        return aroseOn.plusYears(item.isInsurancePremium() ? 2 : 5);
    }
}
