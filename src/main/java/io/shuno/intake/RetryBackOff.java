package io.shuno.intake;

/**
 * When a batch fails for reasons outside the records (the database is down), the consumer re-reads it at once;
 * waiting a little longer after each consecutive failure (up to 5 s) keeps that from spinning.
 */
final class RetryBackOff {

    private static final long FIRST_MS = 100;
    private static final long MAX_MS = 5_000;

    private long nextMs = FIRST_MS;

    void failed() {
        try {
            Thread.sleep(nextMs);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        nextMs = Math.min(MAX_MS, nextMs * 2);
    }

    void succeeded() {
        nextMs = FIRST_MS;
    }
}
