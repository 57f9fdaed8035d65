package io.shuno.reconciliation;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static io.shuno.reconciliation.ReconciliationFixtures.CHIYODA;
import static io.shuno.reconciliation.ReconciliationFixtures.OITA;
import static io.shuno.reconciliation.ReconciliationFixtures.PAYER_ID;
import static io.shuno.reconciliation.ReconciliationFixtures.invoice;
import static io.shuno.reconciliation.ReconciliationFixtures.onlyOfKind;
import static io.shuno.reconciliation.ReconciliationFixtures.otherTerms;
import static io.shuno.reconciliation.ReconciliationFixtures.terms;
import static io.shuno.reconciliation.ReconciliationFixtures.total;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * 充当 by staff: the 過誤納金 is reversed by what the chosen invoices take, and each of them gets revenue booked to the
 * fiscal year of the original payment date; what they cannot take stays 過誤納金.
 */
class AppropriationTest {

    private static final Reconciler reconciler = new Reconciler(ReconciliationFixtures.RATES);
    private static final String CAUSE = ResolutionAction.cause("resolution-1");
    /** 8,000 paid on 2025-10-01 for the 5,000 fixture invoice: 3,000 held as 過誤納金. */
    private static final HeldOverpayment HELD = new HeldOverpayment(onlyOfKind(reconciler.onNotice(
            Optional.of(invoice(5_000, 0)), Optional.empty(),
            ReconciliationFixtures.notice(NoticeStage.CONFIRMED, 8_000), PayerInvoices.NONE),
            SettlementKind.OVERPAYMENT), 3_000);

    /** An open invoice of the fixture payer, fiscal year 2024, not yet due when the money arrived. */
    private static Invoice open(String id, long amount) {
        InvoiceTerms terms = otherTerms(id, CHIYODA, PAYER_ID, amount, LocalDate.of(2025, 12, 25));
        return new Invoice(new InvoiceTerms(terms.id(), terms.municipality(), terms.elNumber(), terms.item(),
                terms.account(), terms.revenueCode(), new FiscalYear(2024), Amount.of(amount), terms.dueDate(), PAYER_ID,
                terms.installment()), false, Amount.ZERO, Amount.ZERO);
    }

    private static Decision appropriate(long outstanding, Invoice... targets) {
        return reconciler.appropriate(terms(5_000), List.of(HELD), outstanding, List.of(targets), CAUSE,
                PayerInvoices.NONE);
    }

    @Test
    void theOverpaymentIsReversedAndBookedAsRevenueOfTheTargetInTheYearOfTheOriginalPayment() {
        Decision decision = appropriate(3_000, open("NHI-2024-0001-12", 3_000));

        assertThat(decision.settlements()).extracting(Settlement::kind, s -> s.amount().yen(), Settlement::reverses)
                .containsExactly(
                        tuple(SettlementKind.REVERSAL, 3_000L, Optional.of(HELD.overpayment().settlementId())),
                        tuple(SettlementKind.REVENUE, 3_000L, Optional.empty()));
        Settlement revenue = decision.settlements().get(1);
        assertThat(revenue.invoiceId()).contains(new InvoiceId("NHI-2024-0001-12"));
        assertThat(revenue.paymentRef()).isEqualTo(HELD.overpayment().paymentRef());
        assertThat(revenue.receivedOn()).isEqualTo(LocalDate.of(2025, 10, 1));
        // FY2024's assessment received after its 出納整理期間 (31 May 2025): arrears of FY2025.
        assertThat(revenue.bookingYear()).isEqualTo(new BookingYear(new FiscalYear(2025), YearClass.ARREARS));
        assertThat(decision.invoices()).singleElement().satisfies(target -> {
            assertThat(target.settledRevenue().yen()).isEqualTo(3_000);
            assertThat(target.status()).isEqualTo(InvoiceStatus.PAID);
        });
        assertThat(decision.settledAmount().yen()).isEqualTo(3_000);
    }

    @Test
    void targetsAreFilledInTheChosenOrderAndWhatTheyCannotTakeStaysOverpayment() {
        Decision decision = appropriate(3_000, open("NHI-2024-0001-11", 1_000), open("NHI-2024-0001-12", 1_500));

        assertThat(total(decision.settlements(), SettlementKind.REVERSAL)).isEqualTo(2_500);
        assertThat(decision.settlements()).filteredOn(s -> s.kind() == SettlementKind.REVENUE)
                .extracting(s -> s.invoiceId().orElseThrow().value(), s -> s.amount().yen())
                .containsExactly(tuple("NHI-2024-0001-11", 1_000L), tuple("NHI-2024-0001-12", 1_500L));
        assertThat(decision.settledAmount().yen()).isEqualTo(2_500);
    }

    @Test
    void onlyWhatIsStillOutstandingIsAppropriated() {
        Decision decision = appropriate(1_200, open("NHI-2024-0001-12", 3_000));

        assertThat(total(decision.settlements(), SettlementKind.REVENUE)).isEqualTo(1_200);
        assertThat(decision.invoices().get(0).openBalance().yen()).isEqualTo(1_800);
    }

    @Test
    void theSameRequestYieldsTheSameSettlementIds() {
        assertThat(appropriate(3_000, open("NHI-2024-0001-12", 3_000)).settlements())
                .isEqualTo(appropriate(3_000, open("NHI-2024-0001-12", 3_000)).settlements());
    }

    @Test
    void anotherPayersAnotherMunicipalitysOrAPaidInvoiceIsRefused() {
        Invoice otherPayer = new Invoice(otherTerms("X-1", CHIYODA, "payer-8", 1_000, LocalDate.of(2025, 4, 30)),
                false, Amount.ZERO, Amount.ZERO);
        Invoice otherMunicipality = new Invoice(otherTerms("X-2", OITA, PAYER_ID, 1_000, LocalDate.of(2025, 4, 30)),
                false, Amount.ZERO, Amount.ZERO);
        Invoice paid = new Invoice(otherTerms("X-3", CHIYODA, PAYER_ID, 1_000, LocalDate.of(2025, 4, 30)),
                false, Amount.of(1_000), Amount.ZERO);

        assertThatThrownBy(() -> appropriate(3_000, otherPayer)).isInstanceOf(RefusedDecision.class)
                .hasMessageContaining("same payer");
        assertThatThrownBy(() -> appropriate(3_000, otherMunicipality)).isInstanceOf(RefusedDecision.class);
        assertThatThrownBy(() -> appropriate(3_000, paid)).isInstanceOf(RefusedDecision.class)
                .hasMessageContaining("owes nothing");
        assertThatThrownBy(() -> appropriate(3_000)).isInstanceOf(RefusedDecision.class);
        assertThatThrownBy(() -> appropriate(0, open("NHI-2024-0001-12", 3_000))).isInstanceOf(RefusedDecision.class)
                .hasMessageContaining("nothing of this overpayment");
    }
}
