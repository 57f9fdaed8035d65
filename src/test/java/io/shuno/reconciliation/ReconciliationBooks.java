package io.shuno.reconciliation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The state the application keeps between messages, threaded through {@link Reconciler} the way
 * {@code io.shuno.matching.UnitOfWork} does: the invoices, the stage of every payment, each invoice's revenue
 * bookings (a REVENUE settlement adds one, a REVERSAL of it lowers what is unreversed), the SUSPENSE settlements
 * per eL番号 not yet reversed, and the journal of every settlement. {@link #violations()} lists what the ledger
 * rules say must hold after every message.
 */
final class ReconciliationBooks implements PayerInvoices {

    private final Reconciler reconciler;
    private final Map<InvoiceId, Invoice> invoices = new LinkedHashMap<>();
    private final Map<PaymentRef, PaymentState> payments = new LinkedHashMap<>();
    private final OpenBookings openBookings = new OpenBookings(Map.of(), Map.of());
    private final List<Settlement> journal = new ArrayList<>();
    private final List<StaffException> exceptions = new ArrayList<>();
    private final List<ExceptionResolution> resolutions = new ArrayList<>();

    ReconciliationBooks() {
        this(new Reconciler(ReconciliationFixtures.RATES));
    }

    ReconciliationBooks(Reconciler reconciler) {
        this.reconciler = reconciler;
    }

    Outcome receive(EltaxNotice notice) {
        Outcome outcome = reconciler.onNotice(invoiceWith(notice.elNumber()),
                Optional.ofNullable(payments.get(notice.paymentRef())), notice, this);
        record(outcome, Optional.of(notice.elNumber()));
        return outcome;
    }

    Outcome receive(InvoiceEvent event) {
        Outcome outcome = reconciler.onInvoiceEvent(ledgerOf(event.terms()), event, this);
        record(outcome, Optional.empty());
        return outcome;
    }

    /**
     * What an event about {@code terms} acts on: the invoice if known, its revenue bookings, the payments suspended
     * for its eL番号 and, while no invoice exists, what PRELIMINARY notices for that eL番号 have announced.
     */
    InvoiceLedger ledgerOf(InvoiceTerms terms) {
        Optional<Invoice> invoice = Optional.ofNullable(invoices.get(terms.id()));
        Optional<ElNumber> el = invoice.flatMap(i -> i.terms().elNumber()).or(terms::elNumber);
        long announcedBeforeIssue = invoice.isPresent() ? 0 : el.map(this::announcedFor).orElse(0L);
        return new InvoiceLedger(invoice, openBookings.revenueOf(terms.id()),
                el.map(openBookings::suspendedFor).orElse(List.of()), announcedBeforeIssue);
    }

    Optional<Invoice> invoice(InvoiceId id) {
        return Optional.ofNullable(invoices.get(id));
    }

    Optional<PaymentState> payment(PaymentRef ref) {
        return Optional.ofNullable(payments.get(ref));
    }

    List<Settlement> journal() {
        return List.copyOf(journal);
    }

    List<StaffException> exceptions() {
        return List.copyOf(exceptions);
    }

    List<ExceptionResolution> resolutions() {
        return List.copyOf(resolutions);
    }

    @Override
    public List<Invoice> of(MunicipalityCode municipality, String payerId) {
        return invoices.values().stream().filter(invoice -> invoice.terms().municipality().equals(municipality)
                && invoice.terms().payerId().equals(payerId)).toList();
    }

    void assertConsistent(String context) {
        assertThat(violations()).as(context).isEmpty();
    }

    /**
     * Every rule the journal and the state must keep, broken ones described: settlement amounts are positive;
     * settlement ids and exception ids are unique; a REVERSAL undoes an earlier settlement and never more than it
     * booked; each confirmed payment is booked to the yen (REVENUE + OVERPAYMENT + SUSPENSE − REVERSAL), an unconfirmed one not at all;
     * each invoice's settledRevenue is its net REVENUE, equals its unreversed bookings, stays within its amount
     * (0 once cancelled); what it has announced is what its payments still at PRELIMINARY announced; and no
     * payment stays in suspense once its invoice exists.
     */
    List<String> violations() {
        List<String> broken = new ArrayList<>();
        Map<String, Settlement> byId = new HashMap<>();
        Map<String, Long> reversedOf = new HashMap<>();
        for (Settlement settlement : journal) {
            if (settlement.amount().yen() <= 0) {
                broken.add("settlement " + settlement.settlementId() + " has amount " + settlement.amount().yen());
            }
            if (byId.put(settlement.settlementId(), settlement) != null) {
                broken.add("settlement id " + settlement.settlementId() + " appears twice");
            }
            settlement.reverses().ifPresent(reversedId -> {
                Settlement reversed = byId.get(reversedId);
                if (reversed == null || reversed == settlement) {
                    broken.add("REVERSAL " + settlement.settlementId() + " reverses " + reversedId
                            + ", which was never booked before it");
                    return;
                }
                long total = reversedOf.merge(reversedId, settlement.amount().yen(), Long::sum);
                if (total > reversed.amount().yen()) {
                    broken.add(reversed.kind() + " " + reversedId + " of " + reversed.amount().yen() + " is reversed by "
                            + total);
                }
            });
        }
        Set<String> exceptionIds = new HashSet<>();
        for (StaffException exception : exceptions) {
            if (!exceptionIds.add(exception.exceptionId())) {
                broken.add("exception id " + exception.exceptionId() + " (" + exception.reason() + ") appears twice");
            }
        }
        for (Settlement settlement : journal) {
            if (!payments.containsKey(settlement.paymentRef())) {
                broken.add("settlement " + settlement.settlementId() + " books " + settlement.paymentRef()
                        + ", of which no notice was received");
            }
        }
        for (PaymentState payment : payments.values()) {
            long net = netBooked(payment.paymentRef());
            long expected = payment.stage() == NoticeStage.CONFIRMED ? payment.amount() : 0;
            if (net != expected) {
                broken.add("payment " + payment.paymentRef() + " at " + payment.stage() + " of " + payment.amount()
                        + " is booked at " + net + " net");
            }
            if (payment.stage() != NoticeStage.CONFIRMED
                    && journal.stream().anyMatch(s -> s.paymentRef().equals(payment.paymentRef()))) {
                broken.add("payment " + payment.paymentRef() + " was never confirmed but has settlements");
            }
        }
        for (Invoice invoice : invoices.values()) {
            long netRevenue = netRevenue(invoice.id(), byId);
            long unreversed = openBookings.revenueOf(invoice.id()).stream()
                    .mapToLong(RevenueBooking::unreversed).sum();
            String which = "invoice " + invoice.id() + " (amount " + invoice.terms().amount().yen()
                    + (invoice.cancelled() ? ", cancelled" : "") + ", settledRevenue " + invoice.settledRevenue().yen()
                    + ", announced " + invoice.announced().yen() + ")";
            if (invoice.settledRevenue().yen() != netRevenue) {
                broken.add(which + " has net REVENUE " + netRevenue + " in the journal");
            }
            if (unreversed != netRevenue) {
                broken.add(which + " has " + unreversed + " unreversed in its revenue bookings");
            }
            if (netRevenue > invoice.terms().amount().yen() || (invoice.cancelled() && netRevenue != 0)) {
                broken.add(which + " holds more revenue than it bills");
            }
            invoice.terms().elNumber().ifPresent(el -> {
                if (invoice.announced().yen() != announcedFor(el)) {
                    broken.add(which + " but its payments at PRELIMINARY announce " + announcedFor(el));
                }
                if (!openBookings.suspendedFor(el).isEmpty()) {
                    broken.add(which + " exists, yet payments for " + el + " stay in suspense: "
                            + openBookings.suspendedFor(el));
                }
            });
        }
        return broken;
    }

    /** Σ(REVENUE + OVERPAYMENT + SUSPENSE) − Σ(REVERSAL) of one payment. */
    long netBooked(PaymentRef paymentRef) {
        return journal.stream().filter(s -> s.paymentRef().equals(paymentRef))
                .mapToLong(s -> s.kind() == SettlementKind.REVERSAL ? -s.amount().yen() : s.amount().yen()).sum();
    }

    /** REVENUE of an invoice less the REVERSALs of that revenue. */
    long netRevenue(InvoiceId id) {
        Map<String, Settlement> byId = new HashMap<>();
        journal.forEach(s -> byId.put(s.settlementId(), s));
        return netRevenue(id, byId);
    }

    private long netRevenue(InvoiceId id, Map<String, Settlement> byId) {
        long net = 0;
        for (Settlement settlement : journal) {
            if (settlement.kind() == SettlementKind.REVENUE && settlement.invoiceId().equals(Optional.of(id))) {
                net += settlement.amount().yen();
            }
            if (settlement.kind() == SettlementKind.REVERSAL) {
                Settlement reversed = byId.get(settlement.reverses().orElseThrow());
                if (reversed != null && reversed.kind() == SettlementKind.REVENUE
                        && reversed.invoiceId().equals(Optional.of(id))) {
                    net -= settlement.amount().yen();
                }
            }
        }
        return net;
    }

    private long announcedFor(ElNumber el) {
        return payments.values().stream()
                .filter(p -> p.elNumber().equals(el) && p.stage() == NoticeStage.PRELIMINARY)
                .mapToLong(PaymentState::amount).sum();
    }

    private Optional<Invoice> invoiceWith(ElNumber el) {
        return invoices.values().stream().filter(i -> i.terms().elNumber().equals(Optional.of(el))).findFirst();
    }

    private void record(Outcome outcome, Optional<ElNumber> paidAgainst) {
        outcome.invoice().ifPresent(invoice -> invoices.put(invoice.id(), invoice));
        outcome.payment().ifPresent(payment -> payments.put(payment.paymentRef(), payment));
        for (Settlement settlement : outcome.settlements()) {
            journal.add(settlement);
            openBookings.record(settlement, paidAgainst);
        }
        exceptions.addAll(outcome.exceptions());
        resolutions.addAll(outcome.resolutions());
    }
}
