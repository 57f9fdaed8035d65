package io.shuno.intake;

import io.shuno.matching.Inbound;
import io.shuno.matching.LoadedState;
import io.shuno.matching.Payer;
import io.shuno.matching.UnitOfWork;
import io.shuno.reconciliation.Amount;
import io.shuno.reconciliation.EltaxNotice;
import io.shuno.reconciliation.Invoice;
import io.shuno.reconciliation.InvoiceId;
import io.shuno.reconciliation.NoticeStage;
import io.shuno.reconciliation.Settlement;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.shuno.intake.SourceFixtures.invoice;
import static org.assertj.core.api.Assertions.assertThat;

class EltaxNoticeSourceTest {

    private final EltaxNoticeSource source = new EltaxNoticeSource();
    private final Inbound<EltaxNotice> confirmed = SourceFixtures.example(source, "confirmed-bank-counter-osaka");

    @Test
    void aConfirmedNoticePaysTheInvoiceOfItsELNumberAsLoaded() {
        EltaxNotice notice = confirmed.command();
        UnitOfWork work = new UnitOfWork(source.schemaName(), LoadedState.builder().invoices(Map.of(
                new InvoiceId("INV-1"), invoice("INV-1", Optional.of(notice.elNumber()), notice.amount().yen(), "P-1")))
                .build());

        source.decide(confirmed, work, SourceFixtures.RECONCILER);

        assertThat(work.changedInvoices()).singleElement()
                .satisfies(paid -> assertThat(paid.settledRevenue()).isEqualTo(notice.amount()));
        assertThat(work.settlements().stream().mapToLong(s -> s.amount().yen()).sum()).isEqualTo(notice.amount().yen());
        assertThat(work.changedPayments()).singleElement()
                .satisfies(payment -> assertThat(payment.stage()).isEqualTo(NoticeStage.CONFIRMED));
        assertThat(work.seen(confirmed)).isEqualTo(UnitOfWork.Seen.REDELIVERED);
    }

    @Test
    void anExcessIsAdvisedOnThePayersOpenInvoicesOnceTheyAreLoaded() {
        EltaxNotice notice = confirmed.command();
        Payer payer = new Payer(notice.elNumber().municipality(), "P-1");
        Map<InvoiceId, Invoice> owedLess = Map.of(new InvoiceId("INV-1"),
                invoice("INV-1", Optional.of(notice.elNumber()), notice.amount().yen() - 1000, "P-1"));
        UnitOfWork notLoaded = new UnitOfWork(source.schemaName(), LoadedState.builder().invoices(owedLess).build());

        source.decide(confirmed, notLoaded, SourceFixtures.RECONCILER);

        assertThat(notLoaded.payersNotLoaded()).containsExactly(payer);

        UnitOfWork loaded = new UnitOfWork(source.schemaName(), LoadedState.builder().invoices(owedLess)
                .openInvoicesOfPayers(Map.of(payer, List.of(invoice("INV-2", payer.municipality(), Optional.empty(),
                        5000, "P-1", LocalDate.of(2026, 5, 31))))).build());

        source.decide(confirmed, loaded, SourceFixtures.RECONCILER);

        assertThat(loaded.payersNotLoaded()).isEmpty();
        assertThat(loaded.exceptions()).singleElement().satisfies(excess ->
                assertThat(excess.appropriationCandidates()).containsExactly(new InvoiceId("INV-2")));
    }
}
