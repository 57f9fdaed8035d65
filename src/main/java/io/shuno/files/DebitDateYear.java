package io.shuno.files;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A 全銀 header states the 引落日 as MMDD only. The year is the one that puts that day nearest to the file's arrival:
 * a result file comes days after the debit, so a January file with 引落日 1227 speaks of last December.
 */
final class DebitDateYear {

    private DebitDateYear() {
    }

    static LocalDate nearest(MonthDay debitDay, LocalDate arrival) {
        return Stream.of(arrival.getYear() - 1, arrival.getYear(), arrival.getYear() + 1)
                .filter(debitDay::isValidYear).map(debitDay::atYear)
                .min(Comparator.comparingLong((LocalDate date) -> Math.abs(date.toEpochDay() - arrival.toEpochDay()))
                        .thenComparing(Comparator.naturalOrder()))
                .orElseThrow();
    }
}
