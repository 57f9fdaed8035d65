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
        return switch (notice.stage()) {
            case PRELIMINARY -> onPreliminary(invoice, previous, notice);
            case CONFIRMED -> onConfirmed(invoice, previous, notice, payerInvoices);
            case CANCELLED -> onCancelled(invoice, previous, notice);
        };
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

    private Outcome onPreliminary(Optional<Invoice> invoice, Optional<PaymentState> previous, EltaxNotice notice) {
        if (previous.isPresent()) {
            // A later stage already arrived (or the same stage again): the preliminary adds nothing.
            return unchanged(invoice, previous);
        }
        return new Outcome(invoice.map(i -> i.withAnnounced(i.announced().plus(notice.amount()))),
                Optional.of(stateOf(notice, NoticeStage.PRELIMINARY)), List.of(), List.of(), List.of());
    }

    private Outcome onConfirmed(Optional<Invoice> invoice, Optional<PaymentState> previous, EltaxNotice notice,
                                PayerInvoices payerInvoices) {
        if (previous.filter(p -> p.stage() == NoticeStage.CONFIRMED).isPresent()) {
            return unchanged(invoice, previous);
        }
        Optional<Invoice> withdrawn = withdrawAnnouncement(invoice, previous);
        ConfirmedPaymentAllocation.Result allocation = ConfirmedPaymentAllocation.allocate(withdrawn,
                ConfirmedPayment.of(notice),
                Explanation.of(ExplanationCode.PAID_FOR_EL_NUMBER, notice.elNumber().value()), payerInvoices, lateChargeRates);
        return new Outcome(allocation.invoice().or(() -> withdrawn), Optional.of(stateOf(notice, NoticeStage.CONFIRMED)),
                allocation.settlements(), allocation.exceptions(), List.of());
    }

    private Outcome onCancelled(Optional<Invoice> invoice, Optional<PaymentState> previous, EltaxNotice notice) {
        if (previous.filter(p -> p.stage() == NoticeStage.CONFIRMED).isPresent()) {
            MunicipalityCode municipality = invoice.map(i -> i.terms().municipality())
                    .orElseGet(() -> notice.elNumber().municipality());
            return new Outcome(invoice, previous, List.of(),
                    List.of(StaffExceptions.cancelAfterConfirm(notice, municipality, invoice.map(Invoice::id))),
                    List.of());
        }
        return new Outcome(withdrawAnnouncement(invoice, previous),
                Optional.of(stateOf(notice, NoticeStage.CANCELLED)), List.of(), List.of(), List.of());
    }

    /** A preliminary's announcement ends when its payment is confirmed or withdrawn. */
    private static Optional<Invoice> withdrawAnnouncement(Optional<Invoice> invoice, Optional<PaymentState> previous) {
        if (previous.isEmpty() || previous.get().stage() != NoticeStage.PRELIMINARY) {
            return invoice;
        }
        Amount announced = Amount.of(previous.get().amount());
        return invoice.map(i -> i.withAnnounced(i.announced().minusAtMost(announced)));
    }

    private static PaymentState stateOf(EltaxNotice notice, NoticeStage stage) {
        return new PaymentState(notice.paymentRef(), notice.elNumber(), notice.amount().yen(), stage);
    }

    private static Outcome unchanged(Optional<Invoice> invoice, Optional<PaymentState> previous) {
        return new Outcome(invoice, previous, List.of(), List.of(), List.of());
    }
}
