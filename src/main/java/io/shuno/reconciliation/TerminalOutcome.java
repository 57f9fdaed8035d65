package io.shuno.reconciliation;

import java.util.Optional;

/** What a terminal transaction does, plus the SALE it records or voids (empty when it changes none). */
public record TerminalOutcome(Outcome outcome, Optional<SaleState> sale) {
}
