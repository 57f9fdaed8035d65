package io.shuno.reconciliation;

import java.time.LocalDate;

/** The fiscal year and 現年度/滞納繰越 class a settlement books to. */
public record BookingYear(FiscalYear fiscalYear, YearClass yearClass) {

    /**
     * Revenue for an invoice of {@code assessedIn}: accounts with 出納整理期間 keep it in the assessed year until
     * 31 May of the next year, then book it to the year of receipt as arrears; water and sewerage book to the
     * year of receipt, as arrears unless that is the assessed year.
     */
    public static BookingYear ofRevenue(Account account, FiscalYear assessedIn, LocalDate receivedOn) {
        FiscalYear ofReceipt = FiscalYear.containing(receivedOn);
        if (account.hasClosingPeriod()) {
            if (!receivedOn.isAfter(assessedIn.closingPeriodEnd())) {
                return new BookingYear(assessedIn, YearClass.CURRENT);
            }
            return new BookingYear(ofReceipt, YearClass.ARREARS);
        }
        return new BookingYear(ofReceipt, ofReceipt.equals(assessedIn) ? YearClass.CURRENT : YearClass.ARREARS);
    }

    /** Overpayments and suspense are not revenue of any assessment: they belong to the year they arrived in. */
    public static BookingYear ofReceipt(LocalDate receivedOn) {
        return new BookingYear(FiscalYear.containing(receivedOn), YearClass.CURRENT);
    }
}
