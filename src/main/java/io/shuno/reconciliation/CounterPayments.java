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
 */
final class CounterPayments {

    private CounterPayments() {
    }

    static TerminalOutcome sale(TerminalTransaction sale, List<Invoice> found, PayerInvoices payerInvoices,
                                LateChargeRates rates) {
        String reference = whatWasPaidFor(sale.invoiceIds(), sale.elQr().map(ElQr::elNumber));
        ConfirmedPaymentAllocation.Result allocation = ConfirmedPaymentAllocation.allocate(found, sale.asPayment(),
                reference, payerInvoices, rates);
        // A scanned slip is a payment against its eL番号, like an eLTAX one: kept so its suspense can be re-matched.
        Optional<PaymentState> againstSlip = sale.elQr().map(qr ->
                new PaymentState(sale.paymentRef(), qr.elNumber(), sale.amount(), NoticeStage.CONFIRMED));
        return new TerminalOutcome(new Outcome(allocation.invoices(), againstSlip, allocation.settlements(),
                allocation.exceptions(), List.of()), Optional.of(SaleState.of(sale)));
    }

    static TerminalOutcome voidSale(TerminalTransaction voiding, Optional<SaleState> original,
                                    List<OpenSettlement> openOfSale, Map<InvoiceId, Invoice> invoices) {
        Optional<String> refusal = whyRefused(voiding, original);
        if (refusal.isPresent()) {
            return new TerminalOutcome(new Outcome(List.of(), Optional.empty(), List.of(),
                    List.of(refused(voiding, refusal.get())), List.of()), Optional.empty());
        }
        List<Settlement> reversals = new ArrayList<>();
        Map<InvoiceId, Invoice> reopened = new LinkedHashMap<>();
        for (OpenSettlement open : openOfSale) {
            if (open.unreversed() == 0) {
                continue;
            }
            Settlement booked = open.settlement();
            reversals.add(Settlements.reversal(booked, open.unreversed(), voiding.cause()));
            if (booked.kind() == SettlementKind.REVENUE) {
                InvoiceId id = booked.invoiceId().orElseThrow();
                Invoice invoice = reopened.getOrDefault(id, invoices.get(id));
                reopened.put(id, invoice.withSettledRevenue(invoice.settledRevenue() - open.unreversed()));
            }
        }
        return new TerminalOutcome(new Outcome(List.copyOf(reopened.values()), Optional.empty(), reversals, List.of(),
                List.of()), Optional.of(original.get().asVoided()));
    }

    /** Why a VOID cannot apply to the sale it names, if it cannot. */
    private static Optional<String> whyRefused(TerminalTransaction voiding, Optional<SaleState> original) {
        if (original.isEmpty()) {
            return Optional.of("が見つかりません。");
        }
        SaleState sale = original.get();
        if (sale.voided()) {
            return Optional.of("は既に取り消されています。");
        }
        if (!sale.municipality().equals(voiding.municipality()) || sale.amount() != voiding.amount()) {
            return Optional.of("(" + sale.municipality() + "、" + Yen.format(sale.amount())
                    + ")と団体コードまたは金額が一致しません。");
        }
        if (!sale.paidFor(voiding.invoiceIds(), voiding.elQr().map(ElQr::elNumber))) {
            return Optional.of("の支払対象(" + whatWasPaidFor(sale.invoiceIds(), sale.slip()) + ")と取消の支払対象("
                    + whatWasPaidFor(voiding.invoiceIds(), voiding.elQr().map(ElQr::elNumber)) + ")が一致しません。");
        }
        return Optional.empty();
    }

    private static String whatWasPaidFor(List<InvoiceId> orders, Optional<ElNumber> slip) {
        return slip.map(el -> "eL番号 " + el)
                .orElseGet(() -> "窓口注文 " + String.join("、", orders.stream().map(InvoiceId::value).toList()));
    }

    /** A VOID that cannot apply: its sale is unknown, already voided, or not the sale the VOID describes. */
    private static StaffException refused(TerminalTransaction voiding, String why) {
        String original = voiding.originalTransactionId().orElseThrow();
        return new StaffException(
                DeterministicId.of(voiding.cause(), ExceptionReason.VOID_UNKNOWN_SALE.name()),
                ExceptionReason.VOID_UNKNOWN_SALE, voiding.municipality(), Optional.of(voiding.paymentRef()),
                Optional.empty(), voiding.amount(), SuggestedAction.INVESTIGATE, List.of(),
                "端末 " + voiding.terminalId() + " の取消(" + Yen.format(voiding.amount()) + ")が指す売上 " + original
                        + " " + why + "取消は反映していません。端末の日計と照合してください。");
    }
}
