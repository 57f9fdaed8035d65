package io.shuno.platform;

import io.shuno.reconciliation.FiscalYear;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/**
 * shuno's clock runs in Japan: timestamps it writes carry +09:00 whatever the server's zone. Scenario tests that
 * depend on the day (refund interest, the prescription clock) register their own clock before this is considered.
 */
@Configuration
class ClockConfiguration {

    @Bean
    @ConditionalOnMissingBean(Clock.class)
    Clock clock() {
        return Clock.system(FiscalYear.TOKYO);
    }
}
