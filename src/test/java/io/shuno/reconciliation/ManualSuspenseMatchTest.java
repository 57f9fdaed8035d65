package io.shuno.reconciliation;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static io.shuno.reconciliation.ReconciliationFixtures.CHIYODA;
import static io.shuno.reconciliation.ReconciliationFixtures.IN_FY2025;
import static io.shuno.reconciliation.ReconciliationFixtures.INVOICE_ID;
import static io.shuno.reconciliation.ReconciliationFixtures.OITA;
import static io.shuno.reconciliation.ReconciliationFixtures.UNKNOWN_EL_NUMBER;
import static io.shuno.reconciliation.ReconciliationFixtures.invoice;
import static io.shuno.reconciliation.ReconciliationFixtures.notice;
import static io.shuno.reconciliation.ReconciliationFixtures.onlyOfKind;
import static io.shuno.reconciliation.ReconciliationFixtures.otherTerms;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

/** 手動消込: staff match a payment held in suspense to the invoice it was meant for. */
class ManualSuspenseMatchTest {

    private static final Reconciler reconciler = new Reconciler(ReconciliationFixtures.RATES);
    private static final String CAUSE = ResolutionAction.cause("resolution-2");

    /** 6,000 paid with a mistyped eL番号 of Oita. */
    private static Settlement suspended(long amount) {
        return onlyOfKind(reconciler.onNotice(Optional.empty(), Optional.empty(), notice("notice-typo", "pay-typo",
                NoticeStage.CONFIRMED, UNKNOWN_EL_NUMBER, amount, IN_FY2025), PayerInvoices.NONE),
                SettlementKind.SUSPENSE);
    }

    @Test
    void theSuspenseIsReversedAndThePaymentAllocatedAsIfItHadArrivedForTheInvoice() {
        Settlement suspense = suspended(6_000);
        Invoice oitaInvoice = new Invoice(otherTerms("OITA-1", OITA, "payer-9", 5_000, IN_FY2025.toLocalDate()),
                false, Amount.ZERO, Amount.ZERO);

        Decision decision = reconciler.matchSuspense(suspense, oitaInvoice, CAUSE, PayerInvoices.NONE);

        assertThat(decision.settlements()).extracting(Settlement::kind, s -> s.amount().yen())
                .containsExactly(tuple(SettlementKind.REVERSAL, 6_000L), tuple(SettlementKind.REVENUE, 5_000L),
                        tuple(SettlementKind.OVERPAYMENT, 1_000L));
        assertThat(decision.settlements().get(0).reverses()).contains(suspense.settlementId());
        assertThat(decision.settlements().get(1).receivedOn()).isEqualTo(IN_FY2025.toLocalDate());
        assertThat(decision.exceptions()).extracting(StaffException::reason)
                .containsExactly(ExceptionReason.OVERPAYMENT);
        assertThat(decision.invoices().get(0).status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(decision.settledAmount().yen()).isEqualTo(6_000);
    }

    @Test
    void anInvoiceOfAnotherMunicipalityIsRefused() {
        assertThat(invoice(5_000, 0).terms().municipality()).isEqualTo(CHIYODA);

        assertThatThrownBy(() -> reconciler.matchSuspense(suspended(5_000), invoice(5_000, 0), CAUSE,
                PayerInvoices.NONE)).isInstanceOf(RefusedDecision.class).hasMessageContaining(INVOICE_ID.value());
    }
}
