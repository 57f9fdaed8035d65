package io.shuno.reconciliation;

import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether 還付加算金 is added for an item of a municipality, and from when: municipalities adopted the local-tax rule
 * for premiums at different times, and whether it reaches fees is unverified. Unless configured otherwise it is on
 * for the three insurance premiums (from the start) and off for everything else.
 */
public final class RefundInterestTerms {

    /** On or off; when on, days before {@code from} earn nothing. */
    public record Setting(boolean enabled, Optional<LocalDate> from) {

        public Setting {
            Objects.requireNonNull(from);
        }

        static final Setting ON = new Setting(true, Optional.empty());
        static final Setting OFF = new Setting(false, Optional.empty());
    }

    /** One municipality's item. */
    public record Key(MunicipalityCode municipality, Item item) {
    }

    private final RefundInterestRates rates;
    private final Map<Key, Setting> settings;

    public RefundInterestTerms(RefundInterestRates rates, Map<Key, Setting> settings) {
        this.rates = Objects.requireNonNull(rates);
        this.settings = Map.copyOf(settings);
    }

    public Setting settingFor(MunicipalityCode municipality, Item item) {
        return Optional.ofNullable(settings.get(new Key(municipality, item)))
                .orElse(item.isInsurancePremium() ? Setting.ON : Setting.OFF);
    }

    RefundInterestRates rates() {
        return rates;
    }
}
