package io.shuno.matching;

import io.shuno.reconciliation.LateChargeRates;
import io.shuno.reconciliation.Reconciler;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.HashMap;
import java.util.Map;

/** The reconciler, with the 延滞金 rate table from configuration ({@code shuno.late-charge.nhi-premium-rates}). */
@Configuration
@EnableConfigurationProperties(MatchingConfiguration.LateChargeProperties.class)
class MatchingConfiguration {

    /** Annual rates per calendar year, as decimal percentages ("2.8"), read exactly. */
    @ConfigurationProperties("shuno.late-charge")
    record LateChargeProperties(Map<Integer, Rates> nhiPremiumRates) {

        record Rates(String lower, String higher) {
        }
    }

    @Bean
    Reconciler reconciler(LateChargeProperties properties) {
        if (properties.nhiPremiumRates() == null || properties.nhiPremiumRates().isEmpty()) {
            throw new IllegalStateException("shuno.late-charge.nhi-premium-rates is empty: 延滞金 cannot be computed");
        }
        Map<Integer, LateChargeRates.YearRates> rates = new HashMap<>();
        properties.nhiPremiumRates().forEach((year, pair) ->
                rates.put(year, LateChargeRates.YearRates.ofPercent(pair.lower(), pair.higher())));
        return new Reconciler(new LateChargeRates(rates));
    }
}
