package io.shuno.intake;

import io.shuno.matching.Inbound;
import io.shuno.matching.LoadedState;
import io.shuno.matching.SalesDay;
import io.shuno.matching.UnitOfWork;
import io.shuno.reconciliation.Amount;
import io.shuno.reconciliation.AcquirerStatement;
import io.shuno.reconciliation.ExceptionReason;
import io.shuno.reconciliation.SalesTotals;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AcquirerStatementSourceTest {

    private final AcquirerStatementSource source = new AcquirerStatementSource();
    private final Inbound<AcquirerStatement> statement = SourceFixtures.example(source,
            "credit-day-of-chiyoda");

    @Test
    void aStatementAgreeingWithTheLoadedSalesOfItsDayIsRecordedWithoutException() {
        UnitOfWork work = workWithSales(new SalesTotals(statement.command().count(),
                statement.command().grossSales().yen()));

        source.decide(statement, work, SourceFixtures.RECONCILER);

        assertThat(work.exceptions()).isEmpty();
        assertThat(work.statements()).containsExactly(statement.command());
    }

    @Test
    void aStatementDifferingFromTheLoadedSalesIsShownToStaff() {
        UnitOfWork work = workWithSales(new SalesTotals(statement.command().count() - 1,
                statement.command().grossSales().yen() - 300));

        source.decide(statement, work, SourceFixtures.RECONCILER);

        assertThat(work.exceptions()).singleElement()
                .satisfies(mismatch -> assertThat(mismatch.reason()).isEqualTo(ExceptionReason.STATEMENT_MISMATCH));
        assertThat(work.statements()).containsExactly(statement.command());
    }

    private UnitOfWork workWithSales(SalesTotals recorded) {
        AcquirerStatement read = statement.command();
        return new UnitOfWork(source.schemaName(), LoadedState.builder().salesTotals(Map.of(
                new SalesDay(read.municipality(), read.businessDate(), read.brand()), recorded)).build());
    }
}
