package io.shuno.intake;

import io.shuno.matching.Inbound;
import io.shuno.matching.LoadedState;
import io.shuno.matching.UnitOfWork;
import io.shuno.reconciliation.Amount;
import io.shuno.reconciliation.ElNumber;
import io.shuno.reconciliation.InvoiceEvent;
import io.shuno.reconciliation.NoticeStage;
import io.shuno.reconciliation.PaymentRef;
import io.shuno.reconciliation.PaymentState;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class InvoiceEventSourceTest {

    private final InvoiceEventSource source = new InvoiceEventSource();
    private final Inbound<InvoiceEvent> issued = SourceFixtures.example(source, "issued-nhi-premium-with-el-number");

    @Test
    void anIssuedInvoiceKnowsWhatPreliminaryNoticesForItsELNumberAnnouncedBefore() {
        ElNumber el = issued.command().terms().elNumber().orElseThrow();
        UnitOfWork work = new UnitOfWork(source.schemaName(), LoadedState.builder().payments(Map.of(
                PaymentRef.eltax("PAY-1"), new PaymentState(PaymentRef.eltax("PAY-1"), el, 39500,
                        NoticeStage.PRELIMINARY),
                PaymentRef.eltax("PAY-2"), new PaymentState(PaymentRef.eltax("PAY-2"), el, 1000,
                        NoticeStage.CANCELLED))).build());

        source.decide(issued, work, SourceFixtures.RECONCILER);

        assertThat(work.changedInvoices()).singleElement().satisfies(invoice -> {
            assertThat(invoice.id()).isEqualTo(issued.command().terms().id());
            assertThat(invoice.announced()).isEqualTo(Amount.of(39500));
        });
        assertThat(work.settlements()).isEmpty();
    }
}
