package io.shuno.intake;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** DateTimes reads what the JDK's ISO parse reads, to the same value, and refuses what it refuses, the same way. */
class DateTimesTest {

    @ParameterizedTest
    @ValueSource(strings = {"2026-06-20T10:15:00+09:00", "2026-06-20T01:15:00Z", "2026-06-20T10:15:00.5+09:00",
            "2026-06-20T10:15:00.123456789-03:30", "2024-02-29T23:59:59.000Z", "0001-01-01T00:00:00-00:00",
            "2026-06-20T10:15+09:00", "2026-06-20T10:15:00+09:00:00", "2026-06-20T10:15:00.+09:00",
            "2026-06-20T10:15:00z", "2026-06-20t10:15:00Z"})
    void readsEveryDateTimeTheJdkReadsToTheSameValue(String text) {
        assertSameAsTheJdk(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-02-30T10:15:00+09:00", "2026-13-01T10:15:00+09:00", "2026-06-20T24:00:00+09:00",
            "2026-06-20T23:59:60Z", "2026-06-20T10:15:00+19:00", "2026-06-20T10:15:00+09:60",
            "2026-06-20T10:15:00.1234567890+09:00", "2026-06-20 10:15:00+09:00", "2026-06-20T10:15:00",
            "２０２６-06-20T10:15:00+09:00", "2026-06-20T10:15:00+0900", "2026-06-20T10:15:00+9:00", ""})
    void refusesWhatTheJdkRefusesWithTheSameException(String text) {
        assertThatThrownBy(() -> OffsetDateTime.parse(text)).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> DateTimes.dateTime(text)).isInstanceOf(DateTimeParseException.class);
    }

    @Test
    void agreesWithTheJdkOnManyRandomDateTimes() {
        Random random = new Random(20261129);
        for (int i = 0; i < 20_000; i++) {
            OffsetDateTime value = Instant.ofEpochSecond(random.nextLong(4_102_444_800L), random.nextInt(4) == 0
                    ? random.nextInt(1_000_000_000) : 0).atOffset(ZoneOffset.ofTotalSeconds(
                    (random.nextInt(71) - 35) * 1800));
            assertSameAsTheJdk(value.toString());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-06-20", "2024-02-29", "0001-01-01", "+12026-06-20"})
    void readsDatesAsTheJdkDoes(String text) {
        assertThat(DateTimes.date(text)).isEqualTo(LocalDate.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-02-29", "2026-00-10", "2026-6-20", "20260620", "2026-06-20 ", ""})
    void refusesDatesTheJdkRefuses(String text) {
        assertThatThrownBy(() -> LocalDate.parse(text)).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> DateTimes.date(text)).isInstanceOf(DateTimeParseException.class);
    }

    private static void assertSameAsTheJdk(String text) {
        OffsetDateTime expected = OffsetDateTime.parse(text);
        assertThat(DateTimes.dateTime(text)).isEqualTo(expected).hasToString(expected.toString());
    }
}
