package io.shuno.reconciliation;

import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.Optional;

import static io.shuno.reconciliation.ReconciliationFixtures.INVOICE_ID;
import static io.shuno.reconciliation.ReconciliationFixtures.invoice;
import static io.shuno.reconciliation.ReconciliationFixtures.terms;
import static org.assertj.core.api.Assertions.assertThat;

/** What a billing system's issued / amended / cancelled event does, through {@link Reconciler#onInvoiceEvent}. */
class InvoiceEventsTest {

    private static final Reconciler reconciler = new Reconciler(ReconciliationFixtures.RATES);
    private static final OffsetDateTime ISSUED_AT = OffsetDateTime.parse("2025-06-15T09:00:00+09:00");

    private static Outcome apply(Optional<Invoice> existing, InvoiceEventType type, InvoiceTerms terms) {
        InvoiceEvent event = new InvoiceEvent("event-" + type.name().toLowerCase() + "-" + terms.amount(), type, terms,
                ISSUED_AT);
        Outcome outcome = reconciler.onInvoiceEvent(InvoiceLedger.of(existing), event, PayerInvoices.NONE);
        assertThat(outcome.settlements()).as("invoice events never move money").isEmpty();
        assertThat(outcome.payment()).isEmpty();
        return outcome;
    }

    @Test
    void issuedForAnUnknownInvoiceCreatesItOpen() {
        Outcome outcome = apply(Optional.empty(), InvoiceEventType.ISSUED, terms(5_000));

        assertThat(outcome.invoice()).hasValueSatisfying(invoice -> {
            assertThat(invoice.terms()).isEqualTo(terms(5_000));
            assertThat(invoice.status()).isEqualTo(InvoiceStatus.OPEN);
            assertThat(invoice.openBalance()).isEqualTo(5_000);
        });
        assertThat(outcome.exceptions()).isEmpty();
    }

    @Test
    void issuedAgainWithIdenticalTermsChangesNothingAndRaisesNothing() {
        Invoice partlyPaid = invoice(5_000, 2_000);

        Outcome outcome = apply(Optional.of(partlyPaid), InvoiceEventType.ISSUED, terms(5_000));

        assertThat(outcome.invoice()).contains(partlyPaid);
        assertThat(outcome.exceptions()).isEmpty();
    }

    @Test
    void issuedAgainWithDifferentTermsIsAConflictingDuplicateAndTheFirstTermsAreKept() {
        Invoice first = invoice(5_000, 0);

        Outcome outcome = apply(Optional.of(first), InvoiceEventType.ISSUED, terms(6_000));

        assertThat(outcome.invoice()).contains(first);
        assertThat(outcome.exceptions()).singleElement().satisfies(exception -> {
            assertThat(exception.reason()).isEqualTo(ExceptionReason.CONFLICTING_DUPLICATE);
            assertThat(exception.invoiceId()).contains(INVOICE_ID);
            assertThat(exception.suggestedAction()).isEqualTo(SuggestedAction.INVESTIGATE);
            assertThat(exception.detail()).isNotBlank();
        });
    }

    @Test
    void amendedUpwardOnAPartiallyPaidInvoiceReopensTheBalance() {
        Outcome outcome = apply(Optional.of(invoice(5_000, 3_000)), InvoiceEventType.AMENDED, terms(8_000));

        assertThat(outcome.invoice()).hasValueSatisfying(invoice -> {
            assertThat(invoice.terms().amount()).isEqualTo(8_000);
            assertThat(invoice.settledRevenue()).isEqualTo(3_000);
            assertThat(invoice.openBalance()).isEqualTo(5_000);
            assertThat(invoice.status()).isEqualTo(InvoiceStatus.PARTIALLY_PAID);
        });
        assertThat(outcome.exceptions()).isEmpty();
    }

    @Test
    void amendedUpwardOnAPaidInvoiceMakesItPartiallyPaidAgain() {
        Outcome outcome = apply(Optional.of(invoice(5_000, 5_000)), InvoiceEventType.AMENDED, terms(7_000));

        assertThat(outcome.invoice()).hasValueSatisfying(invoice -> {
            assertThat(invoice.openBalance()).isEqualTo(2_000);
            assertThat(invoice.status()).isEqualTo(InvoiceStatus.PARTIALLY_PAID);
        });
    }

    @Test
    void amendedBelowWhatIsAlreadyPaidIsNotAppliedAndShowsTheSurplusToStaff() {
        Invoice paid = invoice(5_000, 5_000);

        Outcome outcome = apply(Optional.of(paid), InvoiceEventType.AMENDED, terms(3_000));

        assertThat(outcome.invoice()).contains(paid);
        assertThat(outcome.exceptions()).singleElement().satisfies(exception -> {
            assertThat(exception.reason()).isEqualTo(ExceptionReason.AMOUNT_REDUCED_AFTER_PAYMENT);
            assertThat(exception.amount()).isEqualTo(2_000);
            assertThat(exception.detail()).contains("2,000円");
        });
    }

    @Test
    void amendedForAnUnknownInvoiceIntroducesItWithTheAmendedTerms() {
        Outcome outcome = apply(Optional.empty(), InvoiceEventType.AMENDED, terms(4_000));

        assertThat(outcome.invoice()).hasValueSatisfying(invoice -> {
            assertThat(invoice.terms()).isEqualTo(terms(4_000));
            assertThat(invoice.status()).isEqualTo(InvoiceStatus.OPEN);
            assertThat(invoice.openBalance()).isEqualTo(4_000);
        });
        assertThat(outcome.exceptions()).isEmpty();
    }

    @Test
    void cancelledOfAnUnpaidInvoiceCancelsIt() {
        Outcome outcome = apply(Optional.of(invoice(5_000, 0)), InvoiceEventType.CANCELLED, terms(5_000));

        assertThat(outcome.invoice()).hasValueSatisfying(invoice -> {
            assertThat(invoice.status()).isEqualTo(InvoiceStatus.CANCELLED);
            assertThat(invoice.openBalance()).isZero();
        });
        assertThat(outcome.exceptions()).isEmpty();
    }

    @Test
    void cancelledForAnUnknownInvoiceIntroducesItCancelled() {
        Outcome outcome = apply(Optional.empty(), InvoiceEventType.CANCELLED, terms(5_000));

        assertThat(outcome.invoice()).map(Invoice::status).contains(InvoiceStatus.CANCELLED);
    }

    @Test
    void cancelledAfterPaymentIsNotAppliedAndShowsWhatWasPaidToStaff() {
        Invoice partlyPaid = invoice(5_000, 3_000);

        Outcome outcome = apply(Optional.of(partlyPaid), InvoiceEventType.CANCELLED, terms(5_000));

        assertThat(outcome.invoice()).contains(partlyPaid);
        assertThat(outcome.exceptions()).singleElement().satisfies(exception -> {
            assertThat(exception.reason()).isEqualTo(ExceptionReason.PAID_AFTER_CANCELLATION);
            assertThat(exception.amount()).isEqualTo(3_000);
            assertThat(exception.detail()).contains("3,000円");
        });
    }
}
