package io.shuno.intake;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shuno.matching.Inbound;
import io.shuno.matching.LoadedState;
import io.shuno.matching.UnitOfWork;
import io.shuno.reconciliation.Channel;
import io.shuno.reconciliation.ConvenienceBarcode;
import io.shuno.reconciliation.ConvenienceStoreNotice;
import io.shuno.reconciliation.ExceptionReason;
import io.shuno.reconciliation.InvoiceId;
import io.shuno.reconciliation.NoticeStage;
import io.shuno.reconciliation.PaymentKey;
import io.shuno.reconciliation.SettlementKind;
import io.shuno.reconciliation.StoreReceipt;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import static io.shuno.intake.SourceFixtures.invoicePayableWith;
import static org.assertj.core.api.Assertions.assertThat;

class ConvenienceStoreNoticeSourceTest {

    private final ConvenienceStoreNoticeSource source = new ConvenienceStoreNoticeSource();
    private final Inbound<ConvenienceStoreNotice> preliminary = SourceFixtures.example(source,
            "preliminary-seven-eleven");
    private final Inbound<ConvenienceStoreNotice> confirmed = SourceFixtures.example(source,
            "confirmed-with-transfer-date");

    @Test
    void aPreliminaryBooksNothingAndItsConfirmationBooksRevenueWithTheChainAndTransferDate() {
        ConvenienceStoreNotice notice = confirmed.command();
        UnitOfWork work = new UnitOfWork(source.schemaName(), LoadedState.builder().invoices(Map.of(
                new InvoiceId("INV-1"), invoicePayableWith("INV-1", notice.amount().yen(), "P-1",
                        PaymentKey.of(notice.barcode())))).build());

        source.decide(preliminary, work, SourceFixtures.RECONCILER);
        assertThat(work.settlements()).isEmpty();

        source.decide(confirmed, work, SourceFixtures.RECONCILER);

        assertThat(work.settlements()).singleElement().satisfies(revenue -> {
            assertThat(revenue.kind()).isEqualTo(SettlementKind.REVENUE);
            assertThat(revenue.channel()).isEqualTo(Channel.CONVENIENCE_STORE);
            assertThat(revenue.receivedOn()).isEqualTo(LocalDate.of(2026, 6, 14));
            assertThat(revenue.store()).contains(new StoreReceipt("010", Optional.of(LocalDate.of(2026, 6, 24))));
        });
        assertThat(work.changedPayments()).singleElement().satisfies(payment -> {
            assertThat(payment.key()).isEqualTo(PaymentKey.of(notice.barcode()));
            assertThat(payment.stage()).isEqualTo(NoticeStage.CONFIRMED);
        });
    }

    @Test
    void paymentsOnTwoSlipsOfOneInvoiceAreADoublePayment() {
        ConvenienceStoreNotice notice = confirmed.command();
        ConvenienceBarcode reissued = ConvenienceBarcode.withCheckDigit(
                notice.barcode().value().substring(0, 29) + "1" + notice.barcode().value().substring(30, 43));
        UnitOfWork work = new UnitOfWork(source.schemaName(), LoadedState.builder().invoices(Map.of(
                new InvoiceId("INV-1"), invoicePayableWith("INV-1", notice.amount().yen(), "P-1",
                        PaymentKey.of(notice.barcode()), PaymentKey.of(reissued)))).build());
        ObjectNode onTheReissuedSlip = SourceFixtures.read(Path.of("schemas/examples/valid/convenience-store-notice",
                "confirmed-with-transfer-date.json")).deepCopy();
        onTheReissuedSlip.put("barcode", reissued.value()).put("noticeId", "cvs:reissued:02")
                .put("paymentId", "cvs:reissued").put("storeCode", "654321");

        source.decide(confirmed, work, SourceFixtures.RECONCILER);
        source.decide(SourceFixtures.message(source, onTheReissuedSlip), work, SourceFixtures.RECONCILER);

        assertThat(work.changedInvoices()).singleElement()
                .satisfies(paid -> assertThat(paid.settledRevenue()).isEqualTo(notice.amount()));
        assertThat(work.exceptions()).singleElement()
                .satisfies(exception -> assertThat(exception.reason()).isEqualTo(ExceptionReason.DOUBLE_PAYMENT));
        assertThat(work.settlements()).extracting(settlement -> settlement.kind())
                .containsExactly(SettlementKind.REVENUE, SettlementKind.OVERPAYMENT);
    }

    @Test
    void theSameRowReadFromALaterFileIsARedelivery() {
        ObjectNode inTheConfirmationFile = SourceFixtures.read(Path.of(
                "schemas/examples/valid/convenience-store-notice", "preliminary-seven-eleven.json")).deepCopy();
        ((ObjectNode) inTheConfirmationFile.get("file")).put("name", "KAKUHO_20260622.csv").put("recordNumber", 40)
                .put("contentHash", "0".repeat(64));
        UnitOfWork work = new UnitOfWork(source.schemaName(), LoadedState.builder().build());

        source.decide(preliminary, work, SourceFixtures.RECONCILER);

        assertThat(work.seen(SourceFixtures.message(source, inTheConfirmationFile)))
                .isEqualTo(UnitOfWork.Seen.REDELIVERED);
    }
}
