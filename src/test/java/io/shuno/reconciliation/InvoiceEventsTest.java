package io.shuno.reconciliation;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;

import static io.shuno.reconciliation.ReconciliationFixtures.FY2025;
import static io.shuno.reconciliation.ReconciliationFixtures.INVOICE_ID;
import static io.shuno.reconciliation.ReconciliationFixtures.ISSUED_AT;
import static io.shuno.reconciliation.ReconciliationFixtures.IN_FY2025;
import static io.shuno.reconciliation.ReconciliationFixtures.confirmed;
import static io.shuno.reconciliation.ReconciliationFixtures.event;
import static io.shuno.reconciliation.ReconciliationFixtures.invoice;
import static io.shuno.reconciliation.ReconciliationFixtures.japanese;
import static io.shuno.reconciliation.ReconciliationFixtures.onlyOfKind;
import static io.shuno.reconciliation.ReconciliationFixtures.terms;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/** What a billing system's issued / amended / cancelled event does, through {@link Reconciler#onInvoiceEvent}. */
class InvoiceEventsTest {

    private static final Reconciler reconciler = new Reconciler(ReconciliationFixtures.RATES);

    /** An event on an invoice with no revenue booked against it: it may change the invoice but moves no money. */
    private static Outcome apply(Optional<Invoice> existing, InvoiceEventType type, InvoiceTerms terms) {
        Outcome outcome = reconciler.onInvoiceEvent(InvoiceLedger.of(existing), event(type, terms), PayerInvoices.NONE);
        assertThat(outcome.settlements()).as("nothing to reverse or re-match, so no money moves").isEmpty();
        assertThat(outcome.resolutions()).isEmpty();
        assertThat(outcome.payment()).isEmpty();
        return outcome;
    }

    /** Books with the invoice of {@code amount} issued and paid by CONFIRMED notices "first" then "second". */
    private static ReconciliationBooks paidTwice(long amount, long first, long second) {
        ReconciliationBooks books = new ReconciliationBooks();
        books.receive(event(InvoiceEventType.ISSUED, terms(amount)));
        books.receive(confirmed("first", first, IN_FY2025));
        books.receive(confirmed("second", second, IN_FY2025.plusDays(1)));
        assertThat(books.ledgerOf(terms(amount)).revenue()).extracting(booking -> booking.revenue().paymentRef())
                .as("revenue bookings, oldest first")
                .containsExactly(PaymentRef.eltax("pay-first"), PaymentRef.eltax("pay-second"));
        return books;
    }

    private static Settlement revenueOf(ReconciliationBooks books, String paymentId) {
        return books.journal().stream()
                .filter(s -> s.kind() == SettlementKind.REVENUE && s.paymentRef().equals(PaymentRef.eltax(paymentId)))
                .findFirst().orElseThrow();
    }

    // --- issued -------------------------------------------------------------------------------------------------

    @Test
    void issuedForAnUnknownInvoiceCreatesItOpen() {
        Outcome outcome = apply(Optional.empty(), InvoiceEventType.ISSUED, terms(5_000));

        assertThat(outcome.invoice()).hasValueSatisfying(invoice -> {
            assertThat(invoice.terms()).isEqualTo(terms(5_000));
            assertThat(invoice.status()).isEqualTo(InvoiceStatus.OPEN);
            assertThat(invoice.openBalance().yen()).isEqualTo(5_000);
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
    void issuedAgainDifferingOnlyInAmountIsOlderThanTheAmendmentAlreadyAppliedAndChangesNothing() {
        Invoice amended = invoice(4_000, 2_000);

        Outcome outcome = apply(Optional.of(amended), InvoiceEventType.ISSUED, terms(5_000));

        assertThat(outcome.invoice()).contains(amended);
        assertThat(outcome.exceptions()).isEmpty();
    }

    @Test
    void issuedAgainWithOtherTermsDifferentIsAConflictingDuplicateAndTheFirstTermsAreKept() {
        Invoice first = invoice(5_000, 0);
        InvoiceTerms otherDueDate = terms(6_000, Item.NHI_PREMIUM, LocalDate.of(2025, 7, 31));

        Outcome outcome = apply(Optional.of(first), InvoiceEventType.ISSUED, otherDueDate);

        assertThat(outcome.invoice()).contains(first);
        assertThat(outcome.exceptions()).singleElement().satisfies(exception -> {
            assertThat(exception.reason()).isEqualTo(ExceptionReason.CONFLICTING_DUPLICATE);
            assertThat(exception.invoiceId()).contains(INVOICE_ID);
            assertThat(exception.amount().yen()).as("the amount the conflicting event carries").isEqualTo(6_000);
            assertThat(exception.suggestedAction()).isEqualTo(SuggestedAction.INVESTIGATE);
            assertThat(japanese(exception)).contains("6,000円");
        });
    }

    // --- amended ------------------------------------------------------------------------------------------------

    @Test
    void amendedUpwardOnAPartiallyPaidInvoiceReopensTheBalance() {
        Outcome outcome = apply(Optional.of(invoice(5_000, 3_000)), InvoiceEventType.AMENDED, terms(8_000));

        assertThat(outcome.invoice()).hasValueSatisfying(invoice -> {
            assertThat(invoice.terms().amount().yen()).isEqualTo(8_000);
            assertThat(invoice.settledRevenue().yen()).isEqualTo(3_000);
            assertThat(invoice.openBalance().yen()).isEqualTo(5_000);
            assertThat(invoice.status()).isEqualTo(InvoiceStatus.PARTIALLY_PAID);
        });
        assertThat(outcome.exceptions()).isEmpty();
    }

    @Test
    void amendedUpwardOnAPaidInvoiceMakesItPartiallyPaidAgain() {
        Outcome outcome = apply(Optional.of(invoice(5_000, 5_000)), InvoiceEventType.AMENDED, terms(7_000));

        assertThat(outcome.invoice()).hasValueSatisfying(invoice -> {
            assertThat(invoice.openBalance().yen()).isEqualTo(2_000);
            assertThat(invoice.status()).isEqualTo(InvoiceStatus.PARTIALLY_PAID);
        });
    }

    @Test
    void amendedDownToExactlyWhatIsPaidReversesNothingAndPaysTheInvoice() {
        Outcome outcome = apply(Optional.of(invoice(5_000, 3_000)), InvoiceEventType.AMENDED, terms(3_000));

        assertThat(outcome.invoice()).hasValueSatisfying(invoice -> {
            assertThat(invoice.settledRevenue().yen()).isEqualTo(3_000);
            assertThat(invoice.status()).isEqualTo(InvoiceStatus.PAID);
        });
        assertThat(outcome.exceptions()).isEmpty();
    }

    @Test
    void amendedBelowWhatIsPaidReversesTheExcessLatestRevenueFirstAndMakesItOverpaymentOfEachPayment() {
        ReconciliationBooks books = paidTwice(5_000, 3_000, 2_000);
        Settlement first = revenueOf(books, "pay-first");
        Settlement second = revenueOf(books, "pay-second");

        // 5,000 paid, now 2,500 owed: the 2,000 of the later payment go back first, then 500 of the earlier one.
        Outcome outcome = books.receive(event(InvoiceEventType.AMENDED, terms(2_500)));

        assertThat(outcome.settlements())
                .extracting(Settlement::kind, s -> s.amount().yen(), Settlement::reverses, Settlement::paymentRef)
                .containsExactly(
                        tuple(SettlementKind.REVERSAL, 2_000L, Optional.of(second.settlementId()), second.paymentRef()),
                        tuple(SettlementKind.OVERPAYMENT, 2_000L, Optional.empty(), second.paymentRef()),
                        tuple(SettlementKind.REVERSAL, 500L, Optional.of(first.settlementId()), first.paymentRef()),
                        tuple(SettlementKind.OVERPAYMENT, 500L, Optional.empty(), first.paymentRef()));
        assertThat(outcome.exceptions())
                .extracting(StaffException::reason, StaffException::paymentRef, e -> e.amount().yen())
                .containsExactlyInAnyOrder(
                        tuple(ExceptionReason.AMOUNT_REDUCED_AFTER_PAYMENT, Optional.of(second.paymentRef()), 2_000L),
                        tuple(ExceptionReason.AMOUNT_REDUCED_AFTER_PAYMENT, Optional.of(first.paymentRef()), 500L));
        assertThat(outcome.exceptions()).allSatisfy(exception -> {
            assertThat(exception.invoiceId()).contains(INVOICE_ID);
            assertThat(japanese(exception)).contains(exception.amount().yen() == 500 ? "500円" : "2,000円");
            // 過納: the claim arose with the reduction, and a premium's lapses two years on.
            assertThat(exception.refundClaim()).contains(new RefundClaim(ExcessCause.REDUCED_AFTER_PAYMENT,
                    ISSUED_AT.toLocalDate().plusYears(2)));
        });
        assertThat(outcome.invoice()).hasValueSatisfying(invoice -> {
            assertThat(invoice.terms().amount().yen()).isEqualTo(2_500);
            assertThat(invoice.settledRevenue().yen()).isEqualTo(2_500);
            assertThat(invoice.status()).isEqualTo(InvoiceStatus.PAID);
        });
        books.assertConsistent("after the reduction");
    }

    @Test
    void amendedBelowWhatIsPaidThenUpwardAgainReopensTheBalanceForTheDifference() {
        ReconciliationBooks books = paidTwice(5_000, 3_000, 2_000);
        books.receive(event(InvoiceEventType.AMENDED, terms(2_500), IN_FY2025.plusDays(2)));

        Outcome outcome = books.receive(event(InvoiceEventType.AMENDED, terms(4_000), IN_FY2025.plusDays(3)));

        assertThat(outcome.settlements()).isEmpty();
        assertThat(outcome.invoice()).hasValueSatisfying(invoice -> {
            assertThat(invoice.settledRevenue().yen()).isEqualTo(2_500);
            assertThat(invoice.openBalance().yen()).isEqualTo(1_500);
            assertThat(invoice.status()).isEqualTo(InvoiceStatus.PARTIALLY_PAID);
        });
        books.assertConsistent("after reducing and raising again");
    }

    @Test
    void amendedForAnUnknownInvoiceIntroducesItWithTheAmendedTerms() {
        Outcome outcome = apply(Optional.empty(), InvoiceEventType.AMENDED, terms(4_000));

        assertThat(outcome.invoice()).hasValueSatisfying(invoice -> {
            assertThat(invoice.terms()).isEqualTo(terms(4_000));
            assertThat(invoice.status()).isEqualTo(InvoiceStatus.OPEN);
            assertThat(invoice.openBalance().yen()).isEqualTo(4_000);
        });
        assertThat(outcome.exceptions()).isEmpty();
    }

    // --- cancelled ----------------------------------------------------------------------------------------------

    @Test
    void cancelledOfAnUnpaidInvoiceCancelsIt() {
        Outcome outcome = apply(Optional.of(invoice(5_000, 0)), InvoiceEventType.CANCELLED, terms(5_000));

        assertThat(outcome.invoice()).hasValueSatisfying(invoice -> {
            assertThat(invoice.status()).isEqualTo(InvoiceStatus.CANCELLED);
            assertThat(invoice.openBalance().yen()).isZero();
        });
        assertThat(outcome.exceptions()).isEmpty();
    }

    @Test
    void cancelledForAnUnknownInvoiceIntroducesItCancelled() {
        Outcome outcome = apply(Optional.empty(), InvoiceEventType.CANCELLED, terms(5_000));

        assertThat(outcome.invoice()).map(Invoice::status).contains(InvoiceStatus.CANCELLED);
    }

    @Test
    void cancelledAfterPaymentReversesAllRevenueAndMakesEachPaymentOverpaidAfterCancellation() {
        ReconciliationBooks books = paidTwice(8_000, 3_000, 2_000);
        Settlement first = revenueOf(books, "pay-first");
        Settlement second = revenueOf(books, "pay-second");

        Outcome outcome = books.receive(event(InvoiceEventType.CANCELLED, terms(8_000)));

        assertThat(outcome.settlements())
                .extracting(Settlement::kind, s -> s.amount().yen(), Settlement::reverses, Settlement::paymentRef)
                .containsExactly(
                        tuple(SettlementKind.REVERSAL, 2_000L, Optional.of(second.settlementId()), second.paymentRef()),
                        tuple(SettlementKind.OVERPAYMENT, 2_000L, Optional.empty(), second.paymentRef()),
                        tuple(SettlementKind.REVERSAL, 3_000L, Optional.of(first.settlementId()), first.paymentRef()),
                        tuple(SettlementKind.OVERPAYMENT, 3_000L, Optional.empty(), first.paymentRef()));
        assertThat(outcome.exceptions())
                .extracting(StaffException::reason, StaffException::paymentRef, e -> e.amount().yen())
                .containsExactlyInAnyOrder(
                        tuple(ExceptionReason.PAID_AFTER_CANCELLATION, Optional.of(second.paymentRef()), 2_000L),
                        tuple(ExceptionReason.PAID_AFTER_CANCELLATION, Optional.of(first.paymentRef()), 3_000L));
        assertThat(outcome.exceptions()).allSatisfy(exception ->
                assertThat(japanese(exception)).contains(exception.amount().yen() == 3_000 ? "3,000円" : "2,000円"));
        assertThat(outcome.invoice()).hasValueSatisfying(invoice -> {
            assertThat(invoice.status()).isEqualTo(InvoiceStatus.CANCELLED);
            assertThat(invoice.settledRevenue().yen()).isZero();
            assertThat(invoice.openBalance().yen()).isZero();
        });
        books.assertConsistent("after the cancellation");
    }

    @Test
    void cancelledTwiceReversesTheRevenueOnlyOnce() {
        ReconciliationBooks books = paidTwice(8_000, 3_000, 2_000);
        books.receive(event(InvoiceEventType.CANCELLED, terms(8_000), IN_FY2025.plusDays(2)));

        Outcome again = books.receive(event(InvoiceEventType.CANCELLED, terms(8_000), IN_FY2025.plusDays(3)));

        assertThat(again.settlements()).isEmpty();
        assertThat(again.exceptions()).isEmpty();
        books.assertConsistent("after the second cancellation");
    }

    // --- fiscal year of what a reversal books -------------------------------------------------------------------

    @Test
    void overpaymentFromCancelledRevenueBooksToTheYearOfReceiptWhileTheReversalKeepsTheRevenuesYear() {
        ReconciliationBooks books = new ReconciliationBooks();
        books.receive(event(InvoiceEventType.ISSUED, terms(5_000)));
        // Received in FY2025's closing period: the revenue counts to FY2025, money arriving then to FY2026.
        books.receive(confirmed("may", 5_000, OffsetDateTime.parse("2026-05-15T10:00:00+09:00")));

        Outcome outcome = books.receive(event(InvoiceEventType.CANCELLED, terms(5_000),
                OffsetDateTime.parse("2027-04-10T09:00:00+09:00")));

        assertThat(onlyOfKind(outcome, SettlementKind.REVERSAL)).satisfies(reversal -> {
            assertThat(reversal.bookingYear()).isEqualTo(new BookingYear(FY2025, YearClass.CURRENT));
            assertThat(reversal.receivedOn()).isEqualTo(LocalDate.of(2026, 5, 15));
        });
        assertThat(onlyOfKind(outcome, SettlementKind.OVERPAYMENT)).satisfies(overpayment -> {
            assertThat(overpayment.bookingYear()).isEqualTo(new BookingYear(new FiscalYear(2026), YearClass.CURRENT));
            assertThat(overpayment.receivedOn()).isEqualTo(LocalDate.of(2026, 5, 15));
        });
    }

    @Test
    void overpaymentFromReducedArrearsRevenueIsCurrentInTheYearOfReceiptWhileTheReversalStaysArrears() {
        ReconciliationBooks books = new ReconciliationBooks();
        books.receive(event(InvoiceEventType.ISSUED, terms(5_000)));
        // Received after the closing period: FY2025's revenue books to FY2026 as 滞納繰越分.
        books.receive(confirmed("june", 5_000, OffsetDateTime.parse("2026-06-01T10:00:00+09:00")));

        Outcome outcome = books.receive(event(InvoiceEventType.AMENDED, terms(3_000),
                OffsetDateTime.parse("2027-04-10T09:00:00+09:00")));

        assertThat(onlyOfKind(outcome, SettlementKind.REVERSAL).bookingYear())
                .isEqualTo(new BookingYear(new FiscalYear(2026), YearClass.ARREARS));
        assertThat(onlyOfKind(outcome, SettlementKind.OVERPAYMENT).bookingYear())
                .isEqualTo(new BookingYear(new FiscalYear(2026), YearClass.CURRENT));
    }
}
