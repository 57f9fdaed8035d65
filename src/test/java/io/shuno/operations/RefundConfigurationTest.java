package io.shuno.operations;

import io.shuno.reconciliation.Item;
import io.shuno.reconciliation.MunicipalityCode;
import io.shuno.reconciliation.RefundInterestTerms;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code shuno.refund-interest.items} as an administrator writes it. */
class RefundConfigurationTest {

    private static final MunicipalityCode CHIYODA = new MunicipalityCode("131016");

    @Test
    void anEntryThatOnlySetsAStartDateKeepsInterestOnFromThatDay() {
        RefundInterestTerms terms = RefundConfiguration.terms(properties(
                new RefundConfiguration.RefundInterestProperties.ItemSetting("131016", Item.NHI_PREMIUM, null,
                        LocalDate.of(2026, 4, 1)),
                new RefundConfiguration.RefundInterestProperties.ItemSetting("131016", Item.LTC_PREMIUM, false, null)));

        assertThat(terms.settingFor(CHIYODA, Item.NHI_PREMIUM))
                .isEqualTo(new RefundInterestTerms.Setting(true, Optional.of(LocalDate.of(2026, 4, 1))));
        assertThat(terms.settingFor(CHIYODA, Item.LTC_PREMIUM).enabled()).isFalse();
    }

    private static RefundConfiguration.RefundInterestProperties properties(
            RefundConfiguration.RefundInterestProperties.ItemSetting... items) {
        return new RefundConfiguration.RefundInterestProperties(Map.of(2026, "1.3"), List.of(items));
    }
}
