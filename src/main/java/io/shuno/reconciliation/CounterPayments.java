package io.shuno.reconciliation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * 窓口キャッシュレス: a SALE pays counter orders in the listed order (or a scanned slip, like an eLTAX payment);
 * a VOID reverses everything its SALE still has booked and reopens the invoices. A VOID needs only the SALE's
 * transaction id; one of a sale shuno does not know, already voided, or of another municipality, amount, or (when it
 * repeats them) orders or slip, is an exception for staff — never a negative revenue.
 *
 * <p>A VOID of a sale whose 過誤納金 staff already refunded (還付) returns that money to the card a second time. The
 * VOID is a fact — the acquirer took the whole sale back — so it still reverses all that is booked; the REFUND and
 * its REFUND_INTEREST stay booked, and a VOID_AFTER_REFUND exception for their sum tells staff to stop the refund's
 * payout (or recover it, if it was paid). They are left booked on purpose: only staff know whether the payout went
 * out, and so whether REFUNDS_PAYABLE is to be cancelled against the acquirer receivable (not paid yet) or the
 * payer owes the money back (paid) — a REVERSAL of the REFUND would also count as a receipt undone on the day of
 * the refund decision. Until staff act, REFUNDS_PAYABLE and the acquirer receivable each keep exactly the
 * exception's refunded part (the interest is payable only), which is what the exception shows.
 */
final class CounterPayments {

    private CounterPayments() {
    }

    static TerminalOutcome sale(TerminalTransaction sale, List<Invoice> found, PayerInvoices payerInvoices,
                                LateChargeRates rates) {
        Explanation reference = whatWasPaidFor(sale.invoiceIds(), sale.elQr().map(ElQr::elNumber));
        ConfirmedPaymentAllocation.Result allocation = ConfirmedPaymentAllocation.allocate(found, sale.asPayment(),
                reference, payerInvoices, rates);
        // A scanned slip is a payment against its eL番号, like an eLTAX one: kept so its suspense can be re-matched.
        Optional<PaymentState> againstSlip = sale.elQr().map(qr ->
                new PaymentState(sale.paymentRef(), qr.elNumber(), sale.amount().yen(), NoticeStage.CONFIRMED));
        return new TerminalOutcome(new Outcome(allocation.invoices(), againstSlip, allocation.settlements(),
                allocation.exceptions(), List.of()), Optional.of(SaleState.of(sale)));
    }

    static TerminalOutcome voidSale(TerminalTransaction voiding, Optional<SaleState> original,
                                    List<OpenSettlement> openOfSale, Map<InvoiceId, Invoice> invoices) {
        Optional<Explanation> refusal = whyRefused(voiding, original);
        if (refusal.isPresent()) {
            return new TerminalOutcome(new Outcome(List.of(), Optional.empty(), List.of(),
                    List.of(refused(voiding, refusal.get())), List.of()), Optional.empty());
        }
        List<Settlement> reversals = new ArrayList<>();
        List<Settlement> paidOut = new ArrayList<>();
        Map<InvoiceId, Invoice> reopened = new LinkedHashMap<>();
        for (OpenSettlement open : openOfSale) {
            Settlement booked = open.settlement();
            if (booked.kind() == SettlementKind.REFUND || booked.kind() == SettlementKind.REFUND_INTEREST) {
                paidOut.add(booked);
                continue;
            }
            if (open.unreversed() == 0) {
                continue;
            }
            reversals.add(Settlements.reversal(booked, Amount.of(open.unreversed()), voiding.cause()));
            if (booked.kind() == SettlementKind.REVENUE) {
                InvoiceId id = booked.invoiceId().orElseThrow();
                Invoice invoice = reopened.getOrDefault(id, invoices.get(id));
                reopened.put(id, invoice.withSettledRevenue(invoice.settledRevenue().minus(Amount.of(open.unreversed()))));
            }
        }
        List<StaffException> exceptions = paidOut.isEmpty() ? List.of()
                : List.of(refundedTwice(voiding, original.get(), paidOut));
        return new TerminalOutcome(new Outcome(List.copyOf(reopened.values()), Optional.empty(), reversals, exceptions,
                List.of()), Optional.of(original.get().asVoided()));
    }

    /**
     * The VOID gave back to the card what these REFUND and REFUND_INTEREST settlements still owe the payer: each
     * refund decision named (by its resolution, with its date, refund and interest), so staff can stop its payout.
     */
    private static StaffException refundedTwice(TerminalTransaction voiding, SaleState sale, List<Settlement> paidOut) {
        Map<String, List<Settlement>> byDecision = new LinkedHashMap<>();
        paidOut.forEach(s -> byDecision.computeIfAbsent(s.cause(), cause -> new ArrayList<>()).add(s));
        List<Explanation> decisions = new ArrayList<>();
        byDecision.forEach((cause, settlements) -> decisions.add(Explanation.of(ExplanationCode.REFUND_DECISION,
                ResolutionAction.resolutionOf(cause).orElse(cause), settlements.get(0).receivedOn(),
                sum(settlements, SettlementKind.REFUND), sum(settlements, SettlementKind.REFUND_INTEREST))));
        Amount refunded = sum(paidOut, SettlementKind.REFUND);
        Amount interest = sum(paidOut, SettlementKind.REFUND_INTEREST);
        List<InvoiceId> invoices = paidOut.stream().flatMap(s -> s.invoiceId().stream()).distinct().toList();
        return new StaffException(
                DeterministicId.of(voiding.cause(), ExceptionReason.VOID_AFTER_REFUND.name()),
                ExceptionReason.VOID_AFTER_REFUND, voiding.municipality(), Optional.of(paidOut.get(0).paymentRef()),
                invoices.size() == 1 ? Optional.of(invoices.get(0)) : Optional.empty(), refunded.plus(interest),
                SuggestedAction.STOP_REFUND_PAYOUT, List.of(),
                Explanation.of(ExplanationCode.VOID_AFTER_REFUND, voiding.terminalId(), sale.transactionId(),
                        Amount.of(sale.amount()), refunded, decisions, refunded.plus(interest)));
    }

    private static Amount sum(List<Settlement> settlements, SettlementKind kind) {
        return settlements.stream().filter(s -> s.kind() == kind).map(Settlement::amount).reduce(Amount.ZERO, Amount::plus);
    }

    /** Why a VOID cannot apply to the sale it names, if it cannot. */
    private static Optional<Explanation> whyRefused(TerminalTransaction voiding, Optional<SaleState> original) {
        if (original.isEmpty()) {
            return Optional.of(Explanation.of(ExplanationCode.VOID_SALE_UNKNOWN));
        }
        SaleState sale = original.get();
        if (sale.voided()) {
            return Optional.of(Explanation.of(ExplanationCode.VOID_SALE_ALREADY_VOIDED));
        }
        if (!sale.municipality().equals(voiding.municipality()) || sale.amount() != voiding.amount().yen()) {
            return Optional.of(Explanation.of(ExplanationCode.VOID_SALE_DIFFERS, sale.municipality().value(),
                    Amount.of(sale.amount())));
        }
        if (!sale.paidFor(voiding.invoiceIds(), voiding.elQr().map(ElQr::elNumber))) {
            return Optional.of(Explanation.of(ExplanationCode.VOID_PAID_FOR_DIFFERS,
                    whatWasPaidFor(sale.invoiceIds(), sale.slip()),
                    whatWasPaidFor(voiding.invoiceIds(), voiding.elQr().map(ElQr::elNumber))));
        }
        return Optional.empty();
    }

    private static Explanation whatWasPaidFor(List<InvoiceId> orders, Optional<ElNumber> slip) {
        return slip.map(el -> Explanation.of(ExplanationCode.PAID_FOR_EL_NUMBER, el.value()))
                .orElseGet(() -> Explanation.of(ExplanationCode.PAID_FOR_COUNTER_ORDERS,
                        orders.stream().map(InvoiceId::value).toList()));
    }

    /** A VOID that cannot apply: its sale is unknown, already voided, or not the sale the VOID describes. */
    private static StaffException refused(TerminalTransaction voiding, Explanation why) {
        String original = voiding.originalTransactionId().orElseThrow();
        return new StaffException(
                DeterministicId.of(voiding.cause(), ExceptionReason.VOID_UNKNOWN_SALE.name()),
                ExceptionReason.VOID_UNKNOWN_SALE, voiding.municipality(), Optional.of(voiding.paymentRef()),
                Optional.empty(), voiding.amount(), SuggestedAction.INVESTIGATE, List.of(),
                Explanation.of(ExplanationCode.VOID_REFUSED, voiding.terminalId(), voiding.amount(), original, why));
    }
}
