package io.shuno.operations;

import io.shuno.reconciliation.Item;
import io.shuno.reconciliation.MunicipalityCode;
import io.shuno.reconciliation.RefundInterestRates;
import io.shuno.reconciliation.RefundInterestTerms;
import io.shuno.reconciliation.Refunds;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * 還付 with 還付加算金 from configuration ({@code shuno.refund-interest}): the rate per calendar year, and per
 * municipality and item whether interest is added and from which day (premiums on, everything else off, unless set).
 */
@Configuration
@EnableConfigurationProperties(RefundConfiguration.RefundInterestProperties.class)
class RefundConfiguration {

    /** Rates as decimal percentages ("0.9"), read exactly; settings override the defaults per municipality and item. */
    @ConfigurationProperties("shuno.refund-interest")
    record RefundInterestProperties(Map<Integer, String> rates, List<ItemSetting> items) {

        /** {@code enabled} unset means on: an entry that only names a start date does not switch interest off. */
        record ItemSetting(String municipality, Item item, Boolean enabled, LocalDate from) {

            boolean adds() {
                return enabled == null || enabled;
            }
        }
    }

    @Bean
    Refunds refunds(RefundInterestProperties properties) {
        return new Refunds(terms(properties));
    }

    static RefundInterestTerms terms(RefundInterestProperties properties) {
        if (properties.rates() == null || properties.rates().isEmpty()) {
            throw new IllegalStateException("shuno.refund-interest.rates is empty: 還付加算金 cannot be computed");
        }
        Map<Integer, Integer> rates = new HashMap<>();
        properties.rates().forEach((year, percent) -> rates.put(year, RefundInterestRates.basisPoints(percent)));
        Map<RefundInterestTerms.Key, RefundInterestTerms.Setting> settings = new HashMap<>();
        Optional.ofNullable(properties.items()).orElse(List.of()).forEach(setting -> {
            if (setting.municipality() == null || setting.item() == null) {
                throw new IllegalStateException("shuno.refund-interest.items: each entry names a municipality and an"
                        + " item");
            }
            RefundInterestTerms.Key key = new RefundInterestTerms.Key(new MunicipalityCode(setting.municipality()),
                    setting.item());
            if (settings.put(key, new RefundInterestTerms.Setting(setting.adds(),
                    Optional.ofNullable(setting.from()))) != null) {
                throw new IllegalStateException("shuno.refund-interest.items: " + setting.municipality() + " "
                        + setting.item() + " is set twice");
            }
        });
        return new RefundInterestTerms(new RefundInterestRates(rates), settings);
    }
}
