package io.shuno.reconciliation;

import io.shuno.platform.ExplanationTexts;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Records for the reconciliation tests: one Chiyoda NHI invoice of FY2025 and eLTAX notices paying it. */
final class ReconciliationFixtures {

    /** The NHI premium 延滞金 rates of the domain primer: 2022–2025 2.4 / 8.7 %, 2026 2.8 / 9.1 %. */
    static final LateChargeRates RATES = new LateChargeRates(java.util.Map.of(
            2024, LateChargeRates.YearRates.ofPercent("2.4", "8.7"),
            2025, LateChargeRates.YearRates.ofPercent("2.4", "8.7"),
            2026, LateChargeRates.YearRates.ofPercent("2.8", "9.1")));
    static final MunicipalityCode CHIYODA = new MunicipalityCode("131016");
    static final MunicipalityCode OITA = new MunicipalityCode("442011");
    static final ElNumber EL_NUMBER = ElNumber.of("13101", "00000202506150000042", "778284", "127");
    /** A slip of Oita city that no invoice in these tests carries. */
    static final ElNumber UNKNOWN_EL_NUMBER = ElNumber.of("44201", "00000202506150000099", "123456", "127");
    static final InvoiceId INVOICE_ID = new InvoiceId("NHI-2025-0001-06");
    static final FiscalYear FY2025 = new FiscalYear(2025);
    /** 1 October 2025 in Tokyo: inside FY2025 and far from any year boundary. */
    static final OffsetDateTime IN_FY2025 = OffsetDateTime.parse("2025-10-01T10:00:00+09:00");
    static final String PAYMENT_ID = "pay-1";
    static final String PAYER_ID = "payer-7";
    static final LocalDate DUE_DATE = LocalDate.of(2025, 6, 30);
    /** When the billing system sends its events unless a test says otherwise. */
    static final OffsetDateTime ISSUED_AT = OffsetDateTime.parse("2025-06-15T09:00:00+09:00");

    private ReconciliationFixtures() {
    }

    static InvoiceTerms terms(long amount) {
        return terms(amount, Item.NHI_PREMIUM, DUE_DATE);
    }

    /** The terms of {@link #INVOICE_ID} on {@link #EL_NUMBER}, billing another item or due on another day. */
    static InvoiceTerms terms(long amount, Item item, LocalDate dueDate) {
        return new InvoiceTerms(INVOICE_ID, CHIYODA, Optional.of(EL_NUMBER), item, accountOf(item), "01.01.01.01",
                FY2025, Amount.of(amount), dueDate, PAYER_ID, Optional.of(1));
    }

    /** Another invoice, without an eL番号: the payer's other debts, or someone else's. */
    static InvoiceTerms otherTerms(String invoiceId, MunicipalityCode municipality, String payerId, long amount,
                                   LocalDate dueDate) {
        return new InvoiceTerms(new InvoiceId(invoiceId), municipality, Optional.empty(), Item.NHI_PREMIUM,
                Account.NHI, "01.01.01.01", FY2025, Amount.of(amount), dueDate, payerId, Optional.empty());
    }

    private static Account accountOf(Item item) {
        return switch (item) {
            case NHI_PREMIUM -> Account.NHI;
            case LTC_PREMIUM -> Account.LTC;
            case LATE_ELDERLY_PREMIUM -> Account.LATE_ELDERLY;
            case WATER_CHARGE -> Account.WATER;
            case SEWERAGE_CHARGE -> Account.SEWERAGE;
            default -> Account.GENERAL;
        };
    }

    /** An invoice of {@code amount} of which {@code settledRevenue} is already booked. */
    static Invoice invoice(long amount, long settledRevenue) {
        return new Invoice(terms(amount), false, Amount.of(settledRevenue), Amount.ZERO);
    }

    static Invoice cancelledInvoice(long amount) {
        return new Invoice(terms(amount), true, Amount.ZERO, Amount.ZERO);
    }

    /** An event of the billing system about {@code terms}, sent at {@link #ISSUED_AT}. */
    static InvoiceEvent event(InvoiceEventType type, InvoiceTerms terms) {
        return event(type, terms, ISSUED_AT);
    }

    static InvoiceEvent event(InvoiceEventType type, InvoiceTerms terms, OffsetDateTime issuedAt) {
        String eventId = "event-" + type.name().toLowerCase() + "-" + terms.amount().yen() + "-" + issuedAt.toLocalDate();
        return new InvoiceEvent(eventId, type, terms, issuedAt);
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
        return notice(noticeId, paymentId, stage, elNumber, amount, paidAt, Channel.SMARTPHONE_APP);
    }

    static EltaxNotice notice(String noticeId, String paymentId, NoticeStage stage, ElNumber elNumber, long amount,
                              OffsetDateTime paidAt, Channel channel) {
        return new EltaxNotice(noticeId, PaymentRef.eltax(paymentId), stage, elNumber, Amount.of(amount), paidAt, channel,
                Optional.empty());
    }

    /** What the payment {@link #PAYMENT_ID} has reached before the notice under test. */
    static PaymentState paymentAt(NoticeStage stage, long amount) {
        return new PaymentState(PaymentRef.eltax(PAYMENT_ID), EL_NUMBER, amount, stage);
    }

    /** An exception's explanation in Japanese: its detail as stored and published. */
    static String japanese(StaffException exception) {
        return ExplanationTexts.japanese(exception.explanation());
    }

    static long total(Collection<Settlement> settlements) {
        return settlements.stream().mapToLong(s -> s.amount().yen()).sum();
    }

    static long total(Collection<Settlement> settlements, SettlementKind kind) {
        return settlements.stream().filter(s -> s.kind() == kind).mapToLong(s -> s.amount().yen()).sum();
    }

    static List<Settlement> ofKind(Collection<Settlement> settlements, SettlementKind kind) {
        return settlements.stream().filter(s -> s.kind() == kind).toList();
    }

    /** The one settlement of {@code kind} an outcome produced; fails when there is not exactly one. */
    static Settlement onlyOfKind(Outcome outcome, SettlementKind kind) {
        List<Settlement> found = ofKind(outcome.settlements(), kind);
        if (found.size() != 1) {
            throw new AssertionError("expected one " + kind + " settlement, got " + outcome.settlements());
        }
        return found.get(0);
    }

    /** The one exception for {@code reason} an outcome raised; fails when there is not exactly one. */
    static StaffException onlyFor(Outcome outcome, ExceptionReason reason) {
        List<StaffException> found = outcome.exceptions().stream().filter(e -> e.reason() == reason).toList();
        if (found.size() != 1) {
            throw new AssertionError("expected one " + reason + " exception, got " + outcome.exceptions());
        }
        return found.get(0);
    }
}
