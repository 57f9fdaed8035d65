package io.shuno.reconciliation;

import io.shuno.testsupport.ElQrPayloads;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.shuno.reconciliation.ReconciliationFixtures.CHIYODA;

/**
 * Records for the counter-payment tests (窓口キャッシュレス): certificate-fee counter orders of FY2026 in Chiyoda,
 * terminal SALEs and VOIDs, and what a VOID is handed about the SALE it cancels.
 */
final class CounterFixtures {

    /** 16:00 UTC on 20 June 2026 is 01:00 on 21 June in Tokyo: the sale's 収納日 is the 21st. */
    static final OffsetDateTime SOLD_AT = OffsetDateTime.parse("2026-06-20T16:00:00Z");
    static final LocalDate SALE_DAY_IN_TOKYO = LocalDate.of(2026, 6, 21);
    static final FiscalYear FY2026 = new FiscalYear(2026);
    static final String TERMINAL = "term-07";

    private CounterFixtures() {
    }

    /** A certificate-fee counter order (no eL番号) of {@code amount}, of which {@code settledRevenue} is paid. */
    static Invoice order(String id, long amount, long settledRevenue) {
        return new Invoice(orderTerms(id, amount), false, Amount.of(settledRevenue), Amount.ZERO);
    }

    static Invoice order(String id, long amount) {
        return order(id, amount, 0);
    }

    static InvoiceTerms orderTerms(String id, long amount) {
        return new InvoiceTerms(new InvoiceId(id), CHIYODA, Optional.empty(), Item.CERTIFICATE_FEE, Account.GENERAL,
                "01.14.01.01", FY2026, Amount.of(amount), LocalDate.of(2026, 6, 30), "counter-payer", Optional.empty());
    }

    /** A SALE by credit card of the listed counter orders, in the listed order. */
    static TerminalTransaction saleOfOrders(String transactionId, long amount, String... invoiceIds) {
        return saleOfOrders(transactionId, Brand.CREDIT, amount, SOLD_AT, invoiceIds);
    }

    static TerminalTransaction saleOfOrders(String transactionId, Brand brand, long amount, OffsetDateTime at,
                                            String... invoiceIds) {
        return new TerminalTransaction(transactionId, TerminalTransactionType.SALE, TERMINAL, CHIYODA, brand, Amount.of(amount),
                at, Arrays.stream(invoiceIds).map(InvoiceId::new).toList(), Optional.empty(), Optional.empty());
    }

    /** A SALE by QR app of the slip whose eL-QR (printed for {@code elNumber}) was scanned at the counter. */
    static TerminalTransaction saleOfSlip(String transactionId, MunicipalityCode municipality, ElNumber elNumber,
                                          long amount, OffsetDateTime at) {
        ElQr scanned = ElQr.decode(ElQrPayloads.slipFor(elNumber.value(), amount));
        return new TerminalTransaction(transactionId, TerminalTransactionType.SALE, TERMINAL, municipality, Brand.QR,
                Amount.of(amount), at, List.of(), Optional.of(scanned), Optional.empty());
    }

    /** A VOID of the SALE {@code originalTransactionId}, repeating the counter orders it lists (if any). */
    static TerminalTransaction voidOf(String transactionId, String originalTransactionId, long amount,
                                      String... invoiceIds) {
        return new TerminalTransaction(transactionId, TerminalTransactionType.VOID, TERMINAL, CHIYODA, Brand.CREDIT,
                Amount.of(amount), SOLD_AT.plusMinutes(5), Arrays.stream(invoiceIds).map(InvoiceId::new).toList(),
                Optional.empty(), Optional.of(originalTransactionId));
    }

    /** What a SALE still has booked right after it: each of its settlements, nothing reversed yet. */
    static List<OpenSettlement> nothingReversed(TerminalOutcome sale) {
        return sale.outcome().settlements().stream().map(s -> new OpenSettlement(s, s.amount().yen())).toList();
    }

    static Map<InvoiceId, Invoice> byId(List<Invoice> invoices) {
        Map<InvoiceId, Invoice> byId = new LinkedHashMap<>();
        invoices.forEach(invoice -> byId.put(invoice.id(), invoice));
        return byId;
    }

    /** Σ of the bookings of a payment (REVENUE + OVERPAYMENT + SUSPENSE) less its REVERSALs. */
    static long net(List<Settlement> settlements, PaymentRef payment) {
        return settlements.stream().filter(s -> s.paymentRef().equals(payment))
                .mapToLong(s -> s.kind() == SettlementKind.REVERSAL ? -s.amount().yen() : s.amount().yen()).sum();
    }
}
