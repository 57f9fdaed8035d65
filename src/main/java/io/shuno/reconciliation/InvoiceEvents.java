package io.shuno.reconciliation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a billing system's event does to an invoice. Events can arrive out of order: an AMENDED or CANCELLED for an
 * invoice not yet seen introduces it with the terms it carries, and an invoice that arrives after its payment
 * re-matches the payment held in suspense, as does a new slip of a known invoice that a payment already used. Slips
 * only ever add up: an AMENDED or a repeated ISSUED adds the slips it lists, and drops none. Revenue an invoice no longer owes (cancelled, or reduced below what was
 * paid) is reversed and becomes 過誤納金 of the payment that brought it.
 */
final class InvoiceEvents {

    private InvoiceEvents() {
    }

    static Outcome apply(InvoiceLedger ledger, InvoiceEvent event, PayerInvoices payerInvoices, LateChargeRates rates) {
        if (ledger.invoice().isEmpty()) {
            return introduce(ledger, event, payerInvoices, rates);
        }
        Invoice invoice = ledger.invoice().get();
        Outcome outcome = switch (event.type()) {
            case ISSUED -> reissue(invoice, event);
            case AMENDED -> amend(ledger, invoice.withSlipsOf(event.terms()), event, payerInvoices);
            case CANCELLED -> cancel(ledger, invoice, event, payerInvoices);
        };
        return rematchSuspended(outcome, ledger, event, payerInvoices, rates);
    }

    private static Outcome introduce(InvoiceLedger ledger, InvoiceEvent event, PayerInvoices payerInvoices,
                                     LateChargeRates rates) {
        Invoice invoice = Invoice.issued(event.terms()).withAnnounced(Amount.of(ledger.announcedBeforeIssue()));
        if (event.type() == InvoiceEventType.CANCELLED) {
            invoice = invoice.asCancelled();
        }
        return rematchSuspended(unchanged(invoice), ledger, event, payerInvoices, rates);
    }

    /**
     * Books the payments held in suspense for the invoice's keys against it, after what the event itself did: an
     * invoice that arrives after its payment, or a reissued slip that a payment used before the billing system
     * announced it.
     */
    private static Outcome rematchSuspended(Outcome outcome, InvoiceLedger ledger, InvoiceEvent event,
                                            PayerInvoices payerInvoices, LateChargeRates rates) {
        if (ledger.suspended().isEmpty()) {
            return outcome;
        }
        Invoice invoice = outcome.invoice().orElseThrow();
        List<Settlement> settlements = new ArrayList<>(outcome.settlements());
        List<StaffException> exceptions = new ArrayList<>(outcome.exceptions());
        List<ExceptionResolution> resolutions = new ArrayList<>(outcome.resolutions());
        for (Settlement suspense : ledger.suspended()) {
            Decision matched = SuspenseRematch.rematch(invoice, suspense, event.cause(), payerInvoices, rates);
            invoice = matched.invoices().get(0);
            settlements.addAll(matched.settlements());
            exceptions.addAll(matched.exceptions());
            resolutions.add(new ExceptionResolution(StaffExceptions.unmatchedId(suspense.cause()), event.cause()));
        }
        return new Outcome(Optional.of(invoice), outcome.payment(), settlements, exceptions, resolutions);
    }

    /**
     * A second ISSUED for a known invoice. Differing only in amount, it is older than the AMENDED already applied
     * (a resent ISSUED with the same eventId never gets here: the inbox refuses it); slips it lists are added, since
     * every slip issued stays payable. Differing in anything else, one of the two is wrong and staff must say which.
     */
    private static Outcome reissue(Invoice invoice, InvoiceEvent event) {
        if (invoice.terms().withAmount(event.terms().amount()).withSlips(event.terms().slips())
                .equals(event.terms())) {
            return unchanged(invoice.withSlipsOf(event.terms()));
        }
        StaffException conflict = new StaffException(
                DeterministicId.of(event.cause(), ExceptionReason.CONFLICTING_DUPLICATE.name()),
                ExceptionReason.CONFLICTING_DUPLICATE, invoice.terms().municipality(), Optional.empty(),
                Optional.of(invoice.id()), event.terms().amount(), SuggestedAction.INVESTIGATE, List.of(),
                Explanation.of(ExplanationCode.REISSUED_DIFFERENTLY, invoice.id().value(), event.terms().amount(),
                        event.eventId()));
        return new Outcome(Optional.of(invoice), Optional.empty(), List.of(), List.of(conflict), List.of());
    }

    private static Outcome amend(InvoiceLedger ledger, Invoice invoice, InvoiceEvent event, PayerInvoices payerInvoices) {
        Amount newAmount = event.terms().amount();
        Invoice amended = invoice.withAmount(newAmount);
        if (!newAmount.isLessThan(invoice.settledRevenue())) {
            return unchanged(amended);
        }
        Amount surplus = invoice.settledRevenue().minus(newAmount);
        return refundable(ledger, amended.withSettledRevenue(newAmount), surplus, event,
                ExceptionReason.AMOUNT_REDUCED_AFTER_PAYMENT,
                Explanation.of(ExplanationCode.EXCESS_AMOUNT_REDUCED, invoice.id().value(), newAmount),
                payerInvoices);
    }

    private static Outcome cancel(InvoiceLedger ledger, Invoice invoice, InvoiceEvent event, PayerInvoices payerInvoices) {
        if (invoice.cancelled()) {
            return unchanged(invoice);
        }
        Invoice cancelled = invoice.asCancelled().withSettledRevenue(Amount.ZERO);
        if (invoice.settledRevenue().isZero()) {
            return unchanged(cancelled);
        }
        return refundable(ledger, cancelled, invoice.settledRevenue(), event, ExceptionReason.PAID_AFTER_CANCELLATION,
                Explanation.of(ExplanationCode.EXCESS_CANCELLED_AFTER_PAYMENT, invoice.id().value()), payerInvoices);
    }

    /**
     * Reverses {@code surplus} of the invoice's revenue, latest booking first, and books each part as 過誤納金 of
     * the payment it came from, with one exception per payment.
     */
    private static Outcome refundable(InvoiceLedger ledger, Invoice after, Amount surplus, InvoiceEvent event,
                                      ExceptionReason reason, Explanation what, PayerInvoices payerInvoices) {
        List<Settlement> settlements = new ArrayList<>();
        Map<PaymentRef, Amount> perPayment = new LinkedHashMap<>();
        Amount remaining = surplus;
        List<RevenueBooking> latestFirst = new ArrayList<>(ledger.revenue());
        Collections.reverse(latestFirst);
        for (RevenueBooking booking : latestFirst) {
            Amount part = Amount.of(booking.unreversed()).min(remaining);
            if (part.isZero()) {
                continue;
            }
            settlements.add(Settlements.reversal(booking.revenue(), part, event.cause()));
            settlements.add(Settlements.overpaymentFromRevenue(booking.revenue(), part, event.cause()));
            perPayment.merge(booking.revenue().paymentRef(), part, Amount::plus);
            remaining = remaining.minus(part);
        }
        if (!remaining.isZero()) {
            throw new IllegalStateException("invoice " + after.id() + " has " + surplus.yen() + " yen of settled revenue"
                    + " but only " + surplus.minus(remaining).yen() + " yen of unreversed revenue bookings");
        }
        LocalDate asOf = event.issuedAt().atZoneSameInstant(FiscalYear.TOKYO).toLocalDate();
        List<StaffException> exceptions = perPayment.entrySet().stream()
                .map(part -> StaffExceptions.excess(reason, ExcessCause.REDUCED_AFTER_PAYMENT, after.terms(),
                        part.getKey(), part.getValue(), event.cause(), what, payerInvoices, asOf))
                .toList();
        return new Outcome(Optional.of(after), Optional.empty(), settlements, exceptions, List.of());
    }

    private static Outcome unchanged(Invoice invoice) {
        return new Outcome(Optional.of(invoice), Optional.empty(), List.of(), List.of(), List.of());
    }
}
