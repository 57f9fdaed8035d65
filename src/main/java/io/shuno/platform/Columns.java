package io.shuno.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.RandomAccess;
import java.util.function.Function;

/**
 * A batch of rows turned into one array per column, the parameters of a single
 * {@code insert … select * from unnest(?::text[], ?::bigint[], …)}: PostgreSQL then plans and runs one statement
 * per batch instead of one per row. Values that are not numbers travel as text and are cast by the statement
 * ({@code ?::uuid[]}, {@code ?::date[]}); {@code null} stays null.
 */
public final class Columns<T> {

    private final List<T> rows;
    private final List<Object> arrays = new ArrayList<>();

    private Columns(List<T> rows) {
        this.rows = rows instanceof RandomAccess ? rows : new ArrayList<>(rows);
    }

    public static <T> Columns<T> of(List<T> rows) {
        return new Columns<>(rows);
    }

    // Loops rather than streams: every batch fills a dozen columns per table it writes.

    public Columns<T> text(Function<T, ?> value) {
        String[] column = new String[rows.size()];
        for (int i = 0; i < column.length; i++) {
            Object cell = value.apply(rows.get(i));
            column[i] = cell == null ? null : cell.toString();
        }
        arrays.add(column);
        return this;
    }

    public Columns<T> bigint(Function<T, Long> value) {
        arrays.add(fill(new Long[rows.size()], value));
        return this;
    }

    public Columns<T> integer(Function<T, Integer> value) {
        arrays.add(fill(new Integer[rows.size()], value));
        return this;
    }

    public Columns<T> bytes(Function<T, byte[]> value) {
        arrays.add(fill(new byte[rows.size()][], value));
        return this;
    }

    private <V> V[] fill(V[] column, Function<T, V> value) {
        for (int i = 0; i < column.length; i++) {
            column[i] = value.apply(rows.get(i));
        }
        return column;
    }

    /** The arrays, in the order the columns were named. */
    public Object[] parameters() {
        return arrays.toArray();
    }
}
