package io.shuno.intake;

import com.fasterxml.jackson.databind.JsonMappingException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BisectionTest {

    /** Stands in for one database transaction: all of a part is applied, or (on a bad record) none of it. */
    private static final class Store implements Consumer<List<Integer>> {
        final List<Integer> applied = new ArrayList<>();
        final Set<Integer> bad;
        int attempts;

        Store(Set<Integer> bad) {
            this.bad = bad;
        }

        @Override
        public void accept(List<Integer> part) {
            attempts++;
            part.stream().filter(bad::contains).findFirst().ifPresent(record -> {
                throw new IllegalArgumentException("record " + record + " cannot be applied");
            });
            applied.addAll(part);
        }
    }

    @Test
    void theOneRecordThatFailsAloneIsRejectedAndEveryOtherIsAppliedOnceInOrder() {
        List<Integer> batch = IntStream.range(0, 500).boxed().toList();
        Store store = new Store(Set.of(317));
        Map<Integer, String> rejected = new LinkedHashMap<>();

        Bisection.isolate(batch, new IllegalArgumentException("batch failed"), store,
                (record, failure) -> rejected.put(record, failure.getMessage()));

        assertThat(rejected).containsExactly(Map.entry(317, "record 317 cannot be applied"));
        assertThat(store.applied).isEqualTo(batch.stream().filter(record -> record != 317).toList());
        assertThat(store.attempts).as("about 2·log₂(500) attempts, not one per record").isLessThanOrEqualTo(2 * 9 + 1);
    }

    @Test
    void severalBadRecordsAreEachFoundAndNothingElseIsLost() {
        List<Integer> batch = IntStream.range(0, 200).boxed().toList();
        Set<Integer> bad = Set.of(0, 1, 99, 100, 199);
        Store store = new Store(bad);
        List<Integer> rejected = new ArrayList<>();

        Bisection.isolate(batch, new IllegalStateException("batch failed"), store, (record, failure) -> rejected.add(record));

        assertThat(rejected).containsExactly(0, 1, 99, 100, 199);
        assertThat(store.applied).isEqualTo(batch.stream().filter(record -> !bad.contains(record)).toList());
    }

    @Test
    void aRecordIsRejectedOnlyWhenItFailsAgainAlone() {
        Store store = new Store(Set.of(7));
        List<String> failures = new ArrayList<>();

        Bisection.isolate(List.of(7), new IllegalStateException("batch failed"), store,
                (record, failure) -> failures.add(failure.getMessage()));

        assertThat(failures).containsExactly("record 7 cannot be applied");
        assertThat(store.attempts).isEqualTo(1);
    }

    @Test
    void aRecordThatSucceedsWhenTriedAgainAloneIsAppliedNotRejected() {
        List<Integer> applied = new ArrayList<>();
        List<Integer> rejected = new ArrayList<>();
        int[] failuresLeft = {1};
        Consumer<List<Integer>> flaky = part -> {
            if (failuresLeft[0]-- > 0) {
                throw new IllegalStateException("a passing fault not recognised as one");
            }
            applied.addAll(part);
        };

        Bisection.isolate(List.of(1, 2), new IllegalStateException("batch failed"), flaky,
                (record, failure) -> rejected.add(record));

        assertThat(rejected).isEmpty();
        assertThat(applied).containsExactly(1, 2);
    }

    @Test
    void anInfrastructureFaultOnTheWayStopsTheSearchAndRejectsNothing() {
        List<Integer> batch = IntStream.range(0, 8).boxed().toList();
        List<Integer> rejected = new ArrayList<>();
        Consumer<List<Integer>> databaseGone = part -> {
            throw new CannotGetJdbcConnectionException("connection refused", new SQLException("refused", "08001"));
        };

        assertThatThrownBy(() -> Bisection.isolate(batch, new IllegalArgumentException("batch failed"), databaseGone,
                (record, failure) -> rejected.add(record))).isInstanceOf(CannotGetJdbcConnectionException.class);
        assertThat(rejected).isEmpty();
    }

    @Test
    void outagesSerializationFailuresAndDeadlocksAreInfrastructureAndAConstraintViolationIsNot() {
        assertThat(InfrastructureFaults.isInfrastructure(new CannotGetJdbcConnectionException("down"))).isTrue();
        assertThat(InfrastructureFaults.isInfrastructure(new CannotAcquireLockException("lock"))).isTrue();
        assertThat(InfrastructureFaults.isInfrastructure(new RuntimeException(
                new SQLException("could not serialize access", "40001")))).isTrue();
        assertThat(InfrastructureFaults.isInfrastructure(new RuntimeException(
                new SQLException("deadlock detected", "40P01")))).isTrue();
        assertThat(InfrastructureFaults.isInfrastructure(new RuntimeException(
                new SQLException("Connection refused", "08001")))).isTrue();

        assertThat(InfrastructureFaults.isInfrastructure(new DataIntegrityViolationException("check",
                new SQLException("violates check constraint", "23514")))).isFalse();
        assertThat(InfrastructureFaults.isInfrastructure(new IllegalArgumentException("negative"))).isFalse();
        assertThat(InfrastructureFaults.isInfrastructure(new NullPointerException())).isFalse();
    }

    @Test
    void aValueJacksonCannotWriteIsAboutContentThoughJacksonsExceptionsAreIoExceptions() {
        assertThat(InfrastructureFaults.isInfrastructure(new IllegalStateException("announcement not written",
                new JsonMappingException(null, "no serializer")))).isFalse();
        assertThat(InfrastructureFaults.isInfrastructure(new IllegalStateException("stream",
                new java.net.SocketException("Connection reset")))).isTrue();
    }
}
