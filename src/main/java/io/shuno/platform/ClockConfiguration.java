package io.shuno.platform;

import io.shuno.reconciliation.FiscalYear;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/** shuno's clock runs in Japan: timestamps it writes carry +09:00 whatever the server's zone. */
@Configuration
class ClockConfiguration {

    @Bean
    Clock clock() {
        return Clock.system(FiscalYear.TOKYO);
    }
}
