package io.shuno.intake;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Finds the records that make a batch fail. A batch that failed for a reason that is not infrastructure is split in
 * two and each half tried on its own (each attempt atomic: all of it or nothing); a half that fails again is split
 * again, down to single records; one that fails again when tried alone once more is rejected, every other record
 * is applied once, in the order of the batch. k bad records among n cost about 2·k·log₂(n) attempts. An infrastructure fault on the way ends the
 * search and is thrown: what was applied stays applied, and the re-read batch finds it in the inbox.
 */
final class Bisection {

    private Bisection() {
    }

    /**
     * @param items   a batch that failed as a whole with {@code failure}, not for an infrastructure reason
     * @param attempt applies a part atomically, or throws and leaves no trace
     * @param reject  what becomes of a record that fails alone, with its (latest) failure
     */
    static <E> void isolate(List<E> items, RuntimeException failure, Consumer<List<E>> attempt,
                            BiConsumer<E, RuntimeException> reject) {
        if (items.size() == 1) {
            // Seen failing alone a second time, the failure is the record's, not a passing fault's.
            try {
                attempt.accept(items);
            } catch (RuntimeException again) {
                if (InfrastructureFaults.isInfrastructure(again)) {
                    throw again;
                }
                reject.accept(items.get(0), again);
            }
            return;
        }
        int middle = items.size() / 2;
        for (List<E> half : List.of(items.subList(0, middle), items.subList(middle, items.size()))) {
            try {
                attempt.accept(half);
            } catch (RuntimeException halfFailure) {
                if (InfrastructureFaults.isInfrastructure(halfFailure)) {
                    throw halfFailure;
                }
                isolate(half, halfFailure, attempt, reject);
            }
        }
    }
}
