package io.shuno.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Pages name municipalities from the bundled 全国地方公共団体コード list, whose every code has a valid check digit. */
class MunicipalityNamesTest {

    private final MunicipalityNames municipalities = new MunicipalityNames();

    @Test
    void theCodesOfTheTestsAndTheDemoUsersHaveTheirNames() {
        assertThat(municipalities.of("131016")).isEqualTo("千代田区");
        assertThat(municipalities.of("131041")).isEqualTo("新宿区");
        assertThat(municipalities.of("442011")).isEqualTo("大分市");
        assertThat(municipalities.of("440001")).isEqualTo("大分県");
        assertThat(municipalities.of("271004")).isEqualTo("大阪市");
    }

    @Test
    void aCodeNotListedIsShownAsItself() {
        assertThat(municipalities.of("778284")).isEqualTo("778284");
        assertThat(municipalities.of(null)).isEmpty();
    }
}
