package io.shuno.scenarios;

import io.shuno.testsupport.Messages;
import io.shuno.testsupport.ShunoUnderTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbox relay publishes when a transaction that wrote to the outbox commits, not at its next look: with the
 * look once every ten minutes, settlements booked by either of two instances still leave within seconds.
 */
class TestSettlementsLeaveAsSoonAsBooked {

    private static final int PAYMENTS = 12;

    @RegisterExtension
    static final ShunoUnderTest shuno = new ShunoUnderTest().with("shuno.relay.idle-ms", 600_000).running(2);

    @Test
    void settlementsArePublishedWithinSecondsThoughTheRelayLooksOnlyEveryTenMinutes() {
        String[] elNumbers = new String[PAYMENTS];
        for (int i = 0; i < PAYMENTS; i++) {
            elNumbers[i] = Messages.newElNumber();
            shuno.kafka().send(shuno.topic("invoice-events"), "SOON-" + i,
                    Messages.issued("SOON-" + i, elNumbers[i], 1_000 + i).toString());
        }
        for (int i = 0; i < PAYMENTS; i++) {
            shuno.awaitInvoice("SOON-" + i);
        }

        Instant sent = Instant.now();
        for (int i = 0; i < PAYMENTS; i++) {
            shuno.kafka().send(shuno.topic("eltax-notices"), "PAY-SOON-" + i,
                    Messages.confirmed("N-SOON-" + i, "PAY-SOON-" + i, elNumbers[i], 1_000 + i).toString());
        }
        List<ConsumerRecord<String, byte[]>> settlements = shuno.kafka().readAll(shuno.topic("settlements"),
                record -> record.key().startsWith("eltax:PAY-SOON-"), PAYMENTS, Duration.ofSeconds(20),
                Duration.ZERO);

        assertThat(settlements).hasSize(PAYMENTS);
        assertThat(Duration.between(sent, Instant.now())).isLessThan(Duration.ofSeconds(20));
    }
}
