package io.shuno.reconciliation;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * 消込: decides what one message does to an invoice and a payment. Pure: the caller loads the current state under
 * a lock, applies the outcome and records the message as handled, all in one transaction.
 */
public final class Reconciler {

    private final LateChargeRates lateChargeRates;

    public Reconciler(LateChargeRates lateChargeRates) {
        this.lateChargeRates = lateChargeRates;
    }

    public Outcome onNotice(Optional<Invoice> invoice, Optional<PaymentState> previous, EltaxNotice notice,
                            PayerInvoices payerInvoices) {
        return ThreeStageGateway.on(invoice, previous, GatewayNotice.of(notice), payerInvoices, lateChargeRates);
    }

    /**
     * A コンビニ agency's 速報, 確報 or 速報取消, with the invoice that has the notice's barcode among its slips (if
     * any) and what the same payment (same {@link ConvenienceStoreNotice#paymentRef()}) has reached before.
     */
    public Outcome onConvenienceStoreNotice(Optional<Invoice> invoice, Optional<PaymentState> previous,
                                            ConvenienceStoreNotice notice, PayerInvoices payerInvoices) {
        return ThreeStageGateway.on(invoice, previous, notice.asGatewayNotice(), payerInvoices, lateChargeRates);
    }

    /**
     * A 口座振替 result, with the invoice that has the result's debit key (顧客番号 + 引落日) among its keys (if any)
     * and what the same debit (same {@link DirectDebitResult#paymentRef()}) has reached before.
     */
    public Outcome onDirectDebitResult(Optional<Invoice> invoice, Optional<PaymentState> previous,
                                       DirectDebitResult result, PayerInvoices payerInvoices) {
        return DirectDebits.onResult(invoice, previous, result, payerInvoices, lateChargeRates);
    }

    public Outcome onInvoiceEvent(InvoiceLedger ledger, InvoiceEvent event, PayerInvoices payerInvoices) {
        return InvoiceEvents.apply(ledger, event, payerInvoices, lateChargeRates);
    }

    /** A counter SALE, with the listed orders that exist (in the listed order) or the scanned slip's invoice. */
    public TerminalOutcome onTerminalSale(TerminalTransaction sale, List<Invoice> found, PayerInvoices payerInvoices) {
        return CounterPayments.sale(sale, found, payerInvoices, lateChargeRates);
    }

    /** A VOID, with the SALE it names (if known), what that sale still has booked, and the invoices it paid. */
    public TerminalOutcome onTerminalVoid(TerminalTransaction voiding, Optional<SaleState> original,
                                          List<OpenSettlement> openOfSale, Map<InvoiceId, Invoice> invoices) {
        return CounterPayments.voidSale(voiding, original, openOfSale, invoices);
    }

    public Outcome onAcquirerStatement(AcquirerStatement statement, SalesTotals recorded) {
        return AcquirerStatements.check(statement, recorded);
    }

    /**
     * 充当 of {@code outstanding} yen of 過誤納金 held for {@code overpaid} (its OVERPAYMENT bookings, oldest first) to
     * {@code targets}, in order; booked under {@code cause}.
     */
    public Decision appropriate(InvoiceTerms overpaid, List<HeldOverpayment> held, long outstanding,
                                List<Invoice> targets, String cause, PayerInvoices payerInvoices) {
        return Appropriation.appropriate(overpaid, held, outstanding, targets, cause, payerInvoices, lateChargeRates);
    }

    /**
     * 充当 advice on 過誤納金 held for {@code overpaid}, given again on {@code asOf} from the payer's invoices as they are
     * then — not as they were when the exception was raised with the explanation {@code raised}.
     */
    public ExcessAdvice adviseOnExcess(InvoiceTerms overpaid, Explanation raised, PayerInvoices payerInvoices,
                                       LocalDate asOf) {
        return AppropriationAdvice.again(raised, payerInvoices, overpaid, asOf);
    }

    /** 手動消込: staff match a payment held in suspense to {@code invoice} of the same municipality. */
    public Decision matchSuspense(Settlement suspense, Invoice invoice, String cause, PayerInvoices payerInvoices) {
        if (suspense.kind() != SettlementKind.SUSPENSE) {
            throw new IllegalArgumentException("only a SUSPENSE settlement is matched by hand");
        }
        if (!invoice.terms().municipality().equals(suspense.municipality())) {
            throw new RefusedDecision("invoice " + invoice.id() + " belongs to another municipality than the payment");
        }
        return SuspenseRematch.rematch(invoice, suspense, cause, payerInvoices, lateChargeRates);
    }
}
