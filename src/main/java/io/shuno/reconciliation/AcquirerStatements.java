package io.shuno.reconciliation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks an acquirer's statement against the day's terminal sales and books its fee. Revenue stays gross; the fee
 * is a settlement of its own (FEE) so the ledger books the expense and the receivable shrinks to what is deposited.
 */
final class AcquirerStatements {

    private AcquirerStatements() {
    }

    static Outcome check(AcquirerStatement statement, SalesTotals recorded) {
        List<Settlement> settlements = new ArrayList<>();
        if (statement.fee().isPositive()) {
            settlements.add(new Settlement(DeterministicId.of(statement.cause(), SettlementKind.FEE.name()),
                    SettlementKind.FEE, Optional.empty(), statement.municipality(), statement.paymentRef(),
                    Optional.empty(), statement.fee(), Account.GENERAL, Optional.empty(),
                    BookingYear.ofReceipt(statement.businessDate()), statement.businessDate(),
                    statement.brand().channel(), statement.cause()));
        }
        List<StaffException> exceptions = new ArrayList<>();
        long countDifference = statement.count() - recorded.count();
        long grossDifference = statement.grossSales().yen() - recorded.gross();
        if (countDifference != 0 || grossDifference != 0) {
            exceptions.add(new StaffException(
                    DeterministicId.of(statement.cause(), ExceptionReason.STATEMENT_MISMATCH.name()),
                    ExceptionReason.STATEMENT_MISMATCH, statement.municipality(), Optional.of(statement.paymentRef()),
                    Optional.empty(), Amount.of(Math.abs(grossDifference)), SuggestedAction.INVESTIGATE, List.of(),
                    Explanation.of(ExplanationCode.STATEMENT_MISMATCH, statement.acquirer(),
                            statement.businessDate(), statement.brand().name(), statement.count(),
                            statement.grossSales(), recorded.count(), Amount.of(recorded.gross()), countDifference,
                            grossDifference)));
        }
        return new Outcome(List.of(), Optional.empty(), settlements, exceptions, List.of());
    }
}
