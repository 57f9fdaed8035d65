package io.shuno.intake;

import io.shuno.matching.Inbound;
import io.shuno.matching.LoadedState;
import io.shuno.matching.UnitOfWork;
import io.shuno.reconciliation.Brand;
import io.shuno.reconciliation.ExceptionResolution;
import io.shuno.reconciliation.PaymentRef;
import io.shuno.reconciliation.SaleState;
import io.shuno.reconciliation.TerminalTransaction;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class TerminalTransactionSourceTest {

    private final TerminalTransactionSource source = new TerminalTransactionSource();
    private final Inbound<TerminalTransaction> voiding = SourceFixtures.example(source,
            "void-credit-naming-only-its-sale");

    @Test
    void aVoidCancelsItsLoadedSaleAndResolvesWhatWasOpenAboutItBeforeTheBatch() {
        String original = voiding.command().originalTransactionId().orElseThrow();
        UnitOfWork work = new UnitOfWork(source.schemaName(), LoadedState.builder()
                .sales(Map.of(original, new SaleState(original, SourceFixtures.CHIYODA, Brand.CREDIT, 300,
                        LocalDate.of(2026, 6, 12), List.of(), Optional.empty(), false)))
                .openExceptions(Map.of(PaymentRef.terminal(original), List.of("E-OPEN-BEFORE")))
                .build());

        source.decide(voiding, work, SourceFixtures.RECONCILER);

        assertThat(work.changedSales()).singleElement().satisfies(sale -> assertThat(sale.voided()).isTrue());
        assertThat(work.resolutions()).contains(new ExceptionResolution("E-OPEN-BEFORE", voiding.command().cause()));
    }
}
