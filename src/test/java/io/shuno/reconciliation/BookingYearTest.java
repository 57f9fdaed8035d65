package io.shuno.reconciliation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.LocalDate;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Year attribution by 収納日: accounts with 出納整理期間 keep last year's revenue until 31 May; public-enterprise
 * accounts (water, sewerage) have no closing period.
 */
class BookingYearTest {

    private static final FiscalYear FY2025 = new FiscalYear(2025);

    @Test
    void onlyWaterAndSewerageHaveNoClosingPeriod() {
        assertThat(Arrays.stream(Account.values()).filter(account -> !account.hasClosingPeriod()))
                .containsExactlyInAnyOrder(Account.WATER, Account.SEWERAGE);
    }

    @ParameterizedTest
    @EnumSource(names = {"GENERAL", "NHI", "LTC", "LATE_ELDERLY"})
    void paymentReceivedOnLastDayOfClosingPeriodBooksToTheAssessedYearAsCurrent(Account account) {
        assertThat(BookingYear.ofRevenue(account, FY2025, LocalDate.of(2026, 5, 31)))
                .isEqualTo(new BookingYear(FY2025, YearClass.CURRENT));
    }

    @ParameterizedTest
    @EnumSource(names = {"GENERAL", "NHI", "LTC", "LATE_ELDERLY"})
    void paymentReceivedOnFirstOfJuneBooksToTheNewYearAsArrears(Account account) {
        assertThat(BookingYear.ofRevenue(account, FY2025, LocalDate.of(2026, 6, 1)))
                .isEqualTo(new BookingYear(new FiscalYear(2026), YearClass.ARREARS));
    }

    @ParameterizedTest
    @EnumSource(names = {"GENERAL", "NHI", "LTC", "LATE_ELDERLY"})
    void paymentReceivedOnFirstDayOfTheAssessedYearIsCurrent(Account account) {
        assertThat(BookingYear.ofRevenue(account, FY2025, LocalDate.of(2025, 4, 1)))
                .isEqualTo(new BookingYear(FY2025, YearClass.CURRENT));
    }

    @ParameterizedTest
    @EnumSource(names = {"WATER", "SEWERAGE"})
    void publicEnterprisePaymentOnThirtyFirstOfMayBooksToTheNewYearAsArrears(Account account) {
        assertThat(BookingYear.ofRevenue(account, FY2025, LocalDate.of(2026, 5, 31)))
                .isEqualTo(new BookingYear(new FiscalYear(2026), YearClass.ARREARS));
    }

    @ParameterizedTest
    @EnumSource(names = {"WATER", "SEWERAGE"})
    void publicEnterprisePaymentWithinTheAssessedYearIsCurrent(Account account) {
        assertThat(BookingYear.ofRevenue(account, FY2025, LocalDate.of(2025, 10, 1)))
                .isEqualTo(new BookingYear(FY2025, YearClass.CURRENT));
    }

    @Test
    void receiptBooksToTheYearOfReceiptAsCurrentEvenInTheClosingPeriod() {
        assertThat(BookingYear.ofReceipt(LocalDate.of(2026, 5, 31)))
                .isEqualTo(new BookingYear(new FiscalYear(2026), YearClass.CURRENT));
        assertThat(BookingYear.ofReceipt(LocalDate.of(2026, 3, 31)))
                .isEqualTo(new BookingYear(FY2025, YearClass.CURRENT));
    }
}
