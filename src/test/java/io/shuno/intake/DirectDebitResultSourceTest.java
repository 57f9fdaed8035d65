package io.shuno.intake;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shuno.matching.Inbound;
import io.shuno.matching.LoadedState;
import io.shuno.matching.UnitOfWork;
import io.shuno.reconciliation.Amount;
import io.shuno.reconciliation.Channel;
import io.shuno.reconciliation.DirectDebitResult;
import io.shuno.reconciliation.ExceptionReason;
import io.shuno.reconciliation.InvoiceEvent;
import io.shuno.reconciliation.InvoiceId;
import io.shuno.reconciliation.NoticeStage;
import io.shuno.reconciliation.SettlementKind;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;

import static io.shuno.intake.SourceFixtures.invoicePayableWith;
import static org.assertj.core.api.Assertions.assertThat;

class DirectDebitResultSourceTest {

    private final DirectDebitResultSource source = new DirectDebitResultSource();
    private final Inbound<DirectDebitResult> debited = SourceFixtures.example(source, "debited-chiyoda");
    private final Inbound<DirectDebitResult> failed = SourceFixtures.example(source, "insufficient-funds-yucho");

    @Test
    void aDebitedResultPaysTheInvoiceWithItsDebitKeyOnTheDebitDate() {
        DirectDebitResult result = debited.command();
        UnitOfWork work = new UnitOfWork(source.schemaName(), LoadedState.builder().invoices(Map.of(
                new InvoiceId("INV-1"), invoicePayableWith("INV-1", result.amount().yen(), "P-1", result.key())))
                .build());

        source.decide(debited, work, SourceFixtures.RECONCILER);

        assertThat(work.changedInvoices()).singleElement()
                .satisfies(paid -> assertThat(paid.settledRevenue()).isEqualTo(result.amount()));
        assertThat(work.settlements()).singleElement().satisfies(revenue -> {
            assertThat(revenue.kind()).isEqualTo(SettlementKind.REVENUE);
            assertThat(revenue.channel()).isEqualTo(Channel.DIRECT_DEBIT);
            assertThat(revenue.receivedOn()).isEqualTo(LocalDate.of(2026, 6, 25));
            assertThat(revenue.invoiceId()).contains(new InvoiceId("INV-1"));
        });
        assertThat(work.changedPayments()).singleElement().satisfies(payment -> {
            assertThat(payment.key()).isEqualTo(result.key());
            assertThat(payment.stage()).isEqualTo(NoticeStage.CONFIRMED);
        });
        assertThat(work.exceptions()).isEmpty();
    }

    @Test
    void aFailedResultBooksNothingAndTellsStaffWhy() {
        DirectDebitResult result = failed.command();
        UnitOfWork work = new UnitOfWork(source.schemaName(), LoadedState.builder().invoices(Map.of(
                new InvoiceId("INV-1"), invoicePayableWith("INV-1", result.amount().yen(), "P-1", result.key())))
                .build());

        source.decide(failed, work, SourceFixtures.RECONCILER);

        assertThat(work.settlements()).isEmpty();
        assertThat(work.changedInvoices()).allSatisfy(open -> assertThat(open.settledRevenue()).isEqualTo(Amount.ZERO));
        assertThat(work.exceptions()).singleElement().satisfies(exception -> {
            assertThat(exception.reason()).isEqualTo(ExceptionReason.DIRECT_DEBIT_FAILED);
            assertThat(exception.invoiceId()).contains(new InvoiceId("INV-1"));
        });
    }

    @Test
    void aDebitForAKeyNoInvoiceHasIsHeldInSuspenseUntilTheInvoiceListingItArrives() {
        DirectDebitResult result = debited.command();
        UnitOfWork work = new UnitOfWork(source.schemaName(), LoadedState.builder().build());

        source.decide(debited, work, SourceFixtures.RECONCILER);

        assertThat(work.settlements()).singleElement()
                .satisfies(suspense -> assertThat(suspense.kind()).isEqualTo(SettlementKind.SUSPENSE));

        // The billing system then issues the invoice with that debit request among its keys (and no eL番号).
        InvoiceEventSource invoices = new InvoiceEventSource();
        ObjectNode issued = (ObjectNode) SourceFixtures.read(Path.of("schemas/examples/valid/invoice-event",
                "issued-nhi-premium-with-barcode-and-direct-debit.json"));
        issued.remove("elNumber");
        issued.put("amount", result.amount().yen());
        ((ObjectNode) issued.get("directDebit")).put("customerNumber", result.customerNumber())
                .put("debitDate", result.debitDate().toString());
        Inbound<InvoiceEvent> event = SourceFixtures.message(invoices, issued);

        invoices.decide(event, work, SourceFixtures.RECONCILER);

        assertThat(work.settlements()).extracting(settlement -> settlement.kind())
                .containsExactly(SettlementKind.SUSPENSE, SettlementKind.REVERSAL, SettlementKind.REVENUE);
        assertThat(work.changedInvoices()).singleElement()
                .satisfies(paid -> assertThat(paid.settledRevenue()).isEqualTo(result.amount()));
    }

    @Test
    void theFileARecordWasReadFromIsNotPartOfWhatItSays() {
        ObjectNode again = SourceFixtures.read(Path.of("schemas/examples/valid/direct-debit-result",
                "debited-chiyoda.json")).deepCopy();
        ((ObjectNode) again.get("file")).put("name", "KF20260626-resent.txt").put("recordNumber", 9);

        UnitOfWork work = new UnitOfWork(source.schemaName(), LoadedState.builder().build());
        source.decide(debited, work, SourceFixtures.RECONCILER);

        assertThat(work.seen(SourceFixtures.message(source, again))).isEqualTo(UnitOfWork.Seen.REDELIVERED);
    }
}
