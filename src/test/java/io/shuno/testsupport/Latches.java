package io.shuno.testsupport;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Transactions of a test on threads of their own, taking turns at latches. */
public final class Latches {

    private Latches() {
    }

    /** Waits for the latch to open, failing the test after 10 s; usable inside a lambda (nothing checked thrown). */
    public static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).as("the latch opened within 10 s").isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
