package io.shuno.reconciliation;

/** What shuno recorded for one municipality, business date and brand: SALEs not voided, their count and gross. */
public record SalesTotals(long count, long gross) {
}
