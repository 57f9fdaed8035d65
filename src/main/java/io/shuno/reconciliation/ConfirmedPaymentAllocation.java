package io.shuno.reconciliation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Splits one confirmed payment into settlements: revenue up to the invoice's open balance, 過誤納金 for the rest,
 * suspense when no invoice is known. Every yen of the payment lands in exactly one settlement.
 */
final class ConfirmedPaymentAllocation {

    private ConfirmedPaymentAllocation() {
    }

    record Result(Optional<Invoice> invoice, List<Settlement> settlements, List<StaffException> exceptions) {
    }

    static Result allocate(Optional<Invoice> found, EltaxNotice notice) {
        if (found.isEmpty()) {
            return unmatched(notice);
        }
        Invoice invoice = found.get();
        long revenue = Math.min(invoice.openBalance(), notice.amount());
        long excess = notice.amount() - revenue;
        List<Settlement> settlements = new ArrayList<>();
        List<StaffException> exceptions = new ArrayList<>();
        if (revenue > 0) {
            settlements.add(settlement(SettlementKind.REVENUE, invoice, notice, revenue,
                    BookingYear.ofRevenue(invoice.terms().account(), invoice.terms().fiscalYear(), notice.receivedOn())));
        }
        if (excess > 0) {
            settlements.add(settlement(SettlementKind.OVERPAYMENT, invoice, notice, excess,
                    BookingYear.ofReceipt(notice.receivedOn())));
            exceptions.add(overpaymentException(invoice, notice, revenue, excess));
        }
        return new Result(Optional.of(invoice.withSettledRevenue(invoice.settledRevenue() + revenue)),
                settlements, exceptions);
    }

    private static Result unmatched(EltaxNotice notice) {
        MunicipalityCode municipality = notice.elNumber().municipality();
        Settlement suspense = new Settlement(
                DeterministicId.of(notice.cause(), SettlementKind.SUSPENSE.name()),
                SettlementKind.SUSPENSE, Optional.empty(), municipality, notice.paymentRef(), Optional.empty(),
                notice.amount(), Account.GENERAL, Optional.empty(), BookingYear.ofReceipt(notice.receivedOn()),
                notice.receivedOn(), notice.channel(), notice.cause());
        StaffException exception = new StaffException(
                DeterministicId.of(notice.cause(), ExceptionReason.UNMATCHED.name()),
                ExceptionReason.UNMATCHED, municipality, Optional.of(notice.paymentRef()), Optional.empty(),
                notice.amount(), SuggestedAction.INVESTIGATE, List.of(),
                "eL番号 " + notice.elNumber() + " の請求が見つからないため、" + Yen.format(notice.amount())
                        + "を歳入歳出外現金(不明収納)として仮受けしました。請求データが届けば自動で消込します。"
                        + "届かない場合は納付書を確認してください。");
        return new Result(Optional.empty(), List.of(suspense), List.of(exception));
    }

    private static Settlement settlement(SettlementKind kind, Invoice invoice, EltaxNotice notice, long amount,
                                         BookingYear bookingYear) {
        InvoiceTerms terms = invoice.terms();
        return new Settlement(
                DeterministicId.of(notice.cause(), kind.name(), terms.id().value()),
                kind, Optional.empty(), terms.municipality(), notice.paymentRef(), Optional.of(terms.id()), amount,
                terms.account(), Optional.of(terms.revenueCode()), bookingYear, notice.receivedOn(), notice.channel(),
                notice.cause());
    }

    private static StaffException overpaymentException(Invoice invoice, EltaxNotice notice, long revenue, long excess) {
        boolean wholePaymentExcess = revenue == 0;
        ExceptionReason reason;
        String what;
        if (invoice.cancelled()) {
            reason = ExceptionReason.PAID_AFTER_CANCELLATION;
            what = "取消済みの請求 " + invoice.id() + " に " + Yen.format(excess) + "の納付がありました。";
        } else if (wholePaymentExcess) {
            reason = ExceptionReason.DOUBLE_PAYMENT;
            what = "納付済みの請求 " + invoice.id() + " に再度 " + Yen.format(excess) + "の納付がありました(二重納付)。";
        } else {
            reason = ExceptionReason.OVERPAYMENT;
            what = "請求 " + invoice.id() + " に対して " + Yen.format(excess) + "の過納があります(納付額 "
                    + Yen.format(notice.amount()) + "、未納額 " + Yen.format(revenue) + ")。";
        }
        return new StaffException(
                DeterministicId.of(notice.cause(), reason.name(), invoice.id().value()),
                reason, invoice.terms().municipality(), Optional.of(notice.paymentRef()), Optional.of(invoice.id()),
                excess, SuggestedAction.REFUND, List.of(),
                what + "過誤納金として計上しました。還付の手続きを行ってください。");
    }
}
