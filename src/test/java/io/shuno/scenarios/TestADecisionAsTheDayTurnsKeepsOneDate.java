package io.shuno.scenarios;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shuno.testsupport.ApiClient;
import io.shuno.testsupport.Messages;
import io.shuno.testsupport.ShunoUnderTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A refund decided as the day turns: its settlements carry the decision date the resolution records, because one
 * decision reads the clock once. The clock here moves a day on every read that serves an HTTP request, so a decision
 * reading it twice would book one day and record another.
 */
class TestADecisionAsTheDayTurnsKeepsOneDate {

    @RegisterExtension
    static final ShunoUnderTest shuno = new ShunoUnderTest().withClock(new DayPerRequestRead()).running(1);
    private static final ApiClient api = new ApiClient(shuno);

    @Test
    void theRefundsSettlementsCarryTheDecisionDateItsResolutionRecords() {
        String el = Messages.newElNumber();
        ObjectNode invoice = Messages.issued("DT-INV", el, 3_000);
        shuno.kafka().send(shuno.topic("invoice-events"), "DT-INV", invoice.toString());
        shuno.awaitInvoice("DT-INV");
        for (int payment = 1; payment <= 2; payment++) {
            shuno.kafka().send(shuno.topic("eltax-notices"), "DT-PAY" + payment, Messages.with(Messages.confirmed(
                    "DT-N" + payment, "DT-PAY" + payment, el, 3_000), "paidAt", "2026-06-20T10:15:00+09:00").toString());
            shuno.awaitBooked("eltax:DT-PAY" + payment);
        }
        String exceptionId = shuno.awaitException("eltax:DT-PAY2", "DOUBLE_PAYMENT");

        ApiClient.Response refunded = api.post("treasurer", "/api/v1/exceptions/" + exceptionId + "/refund",
                "{\"refundReference\": \"KANPU-DT\", \"comment\": \"口座振込\"}");

        assertThat(refunded.status()).isEqualTo(200);
        String decidedOn = refunded.json().at("/resolution/decidedOn").asText();
        List<JsonNode> settlements = shuno.settlementsOf("eltax:DT-PAY2", 2);
        assertThat(settlements.get(1).get("kind").asText()).isEqualTo("REFUND");
        assertThat(settlements.get(1).get("receivedOn").asText()).isEqualTo(decidedOn);
    }

    /** The system clock in Tokyo, a day later at each read on a request thread (Tomcat's {@code -exec-} threads). */
    private static final class DayPerRequestRead extends Clock {

        private final Clock system = Clock.system(ZoneId.of("Asia/Tokyo"));
        private final AtomicLong days = new AtomicLong();

        @Override
        public ZoneId getZone() {
            return system.getZone();
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("shuno reads its clock in Asia/Tokyo");
        }

        @Override
        public Instant instant() {
            long shift = Thread.currentThread().getName().contains("-exec-") ? days.incrementAndGet() : days.get();
            return system.instant().plus(Duration.ofDays(shift));
        }
    }
}
