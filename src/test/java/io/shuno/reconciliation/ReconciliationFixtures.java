package io.shuno.reconciliation;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Optional;

/** Records for the reconciliation tests: one Chiyoda NHI invoice of FY2025 and eLTAX notices paying it. */
final class ReconciliationFixtures {

    /** The NHI premium 延滞金 rates of the domain primer: 2022–2025 2.4 / 8.7 %, 2026 2.8 / 9.1 %. */
    static final LateChargeRates RATES = new LateChargeRates(java.util.Map.of(
            2024, LateChargeRates.YearRates.ofPercent("2.4", "8.7"),
            2025, LateChargeRates.YearRates.ofPercent("2.4", "8.7"),
            2026, LateChargeRates.YearRates.ofPercent("2.8", "9.1")));
    static final MunicipalityCode CHIYODA = new MunicipalityCode("131016");
    static final ElNumber EL_NUMBER = ElNumber.of("13101", "00000202506150000042", "778284", "127");
    /** A slip of Oita city that no invoice in these tests carries. */
    static final ElNumber UNKNOWN_EL_NUMBER = ElNumber.of("44201", "00000202506150000099", "123456", "127");
    static final InvoiceId INVOICE_ID = new InvoiceId("NHI-2025-0001-06");
    static final FiscalYear FY2025 = new FiscalYear(2025);
    /** 1 October 2025 in Tokyo: inside FY2025 and far from any year boundary. */
    static final OffsetDateTime IN_FY2025 = OffsetDateTime.parse("2025-10-01T10:00:00+09:00");
    static final String PAYMENT_ID = "pay-1";

    private ReconciliationFixtures() {
    }

    static InvoiceTerms terms(long amount) {
        return new InvoiceTerms(INVOICE_ID, CHIYODA, Optional.of(EL_NUMBER), Item.NHI_PREMIUM, Account.NHI,
                "01.01.01.01", FY2025, amount, LocalDate.of(2025, 6, 30), "payer-7", Optional.of(1));
    }

    /** An invoice of {@code amount} of which {@code settledRevenue} is already booked. */
    static Invoice invoice(long amount, long settledRevenue) {
        return new Invoice(terms(amount), false, settledRevenue, 0);
    }

    static Invoice cancelledInvoice(long amount) {
        return new Invoice(terms(amount), true, 0, 0);
    }

    /** A notice of the payment {@link #PAYMENT_ID} on {@link #EL_NUMBER}, one notice id per stage. */
    static EltaxNotice notice(NoticeStage stage, long amount) {
        return notice("notice-" + stage.name().toLowerCase(), PAYMENT_ID, stage, EL_NUMBER, amount, IN_FY2025);
    }

    static EltaxNotice confirmed(String noticeId, long amount, OffsetDateTime paidAt) {
        return notice(noticeId, "pay-" + noticeId, NoticeStage.CONFIRMED, EL_NUMBER, amount, paidAt);
    }

    static EltaxNotice notice(String noticeId, String paymentId, NoticeStage stage, ElNumber elNumber, long amount,
                              OffsetDateTime paidAt) {
        return new EltaxNotice(noticeId, PaymentRef.eltax(paymentId), stage, elNumber, amount, paidAt,
                Channel.SMARTPHONE_APP, Optional.empty());
    }

    /** What the payment {@link #PAYMENT_ID} has reached before the notice under test. */
    static PaymentState paymentAt(NoticeStage stage, long amount) {
        return new PaymentState(PaymentRef.eltax(PAYMENT_ID), EL_NUMBER, amount, stage);
    }

    static long total(Collection<Settlement> settlements) {
        return settlements.stream().mapToLong(Settlement::amount).sum();
    }

    static long total(Collection<Settlement> settlements, SettlementKind kind) {
        return settlements.stream().filter(s -> s.kind() == kind).mapToLong(Settlement::amount).sum();
    }
}
