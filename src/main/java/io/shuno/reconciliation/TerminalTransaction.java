package io.shuno.reconciliation;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A counter terminal's report of a cashless SALE — of counter orders ({@code invoiceIds}, paid in the listed
 * order) or of a slip whose eL-QR was scanned — or of a VOID that cancels an earlier SALE named by its transaction
 * id, repeating what that SALE paid for or not.
 */
public record TerminalTransaction(
        String transactionId,
        TerminalTransactionType type,
        String terminalId,
        MunicipalityCode municipality,
        Brand brand,
        Amount amount,
        OffsetDateTime occurredAt,
        List<InvoiceId> invoiceIds,
        Optional<ElQr> elQr,
        Optional<String> originalTransactionId) {

    public TerminalTransaction {
        Objects.requireNonNull(transactionId);
        Objects.requireNonNull(type);
        Objects.requireNonNull(terminalId);
        Objects.requireNonNull(municipality);
        Objects.requireNonNull(brand);
        Objects.requireNonNull(occurredAt);
        invoiceIds = List.copyOf(invoiceIds);
        Objects.requireNonNull(elQr);
        Objects.requireNonNull(originalTransactionId);
        amount.requirePositive("a terminal transaction amount");
        if (type == TerminalTransactionType.SALE && invoiceIds.isEmpty() == elQr.isEmpty()) {
            throw new IllegalArgumentException("a SALE pays either counter orders or one scanned slip");
        }
        if (invoiceIds.stream().distinct().count() != invoiceIds.size()) {
            throw new IllegalArgumentException("a counter order is listed once per transaction");
        }
        if (type == TerminalTransactionType.VOID && originalTransactionId.isEmpty()) {
            throw new IllegalArgumentException("a VOID names the SALE it cancels");
        }
        if (type == TerminalTransactionType.VOID && !invoiceIds.isEmpty() && elQr.isPresent()) {
            throw new IllegalArgumentException("a VOID repeats its SALE's counter orders or its slip, not both");
        }
        elQr.ifPresent(qr -> {
            if (!qr.elNumber().municipality().equals(municipality)) {
                throw new InvalidIdentifierException("the scanned slip belongs to 団体コード "
                        + qr.elNumber().municipality() + ", not to " + municipality);
            }
        });
    }

    public PaymentRef paymentRef() {
        return PaymentRef.terminal(transactionId);
    }

    /** The day of the sale in Japan: its 収納日 and the business date of the acquirer's statement. */
    public LocalDate businessDate() {
        return occurredAt.atZoneSameInstant(FiscalYear.TOKYO).toLocalDate();
    }

    public String cause() {
        return "terminal-transaction:" + transactionId;
    }

    ConfirmedPayment asPayment() {
        return new ConfirmedPayment(paymentRef(), municipality, amount, businessDate(), brand.channel(), cause());
    }
}
