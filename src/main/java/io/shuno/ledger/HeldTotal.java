package io.shuno.ledger;

/**
 * What one account and channel holds of one kind: {@code count}, the settlements of that kind booked;
 * {@code amount}, what they hold, less what was reversed or refunded.
 */
public record HeldTotal(String account, String channel, String kind, long count, long amount) {
}
