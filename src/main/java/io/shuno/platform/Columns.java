package io.shuno.platform;

import java.util.ArrayList;
import java.util.List;
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
        this.rows = rows;
    }

    public static <T> Columns<T> of(List<T> rows) {
        return new Columns<>(rows);
    }

    public Columns<T> text(Function<T, ?> value) {
        arrays.add(rows.stream().map(value).map(v -> v == null ? null : v.toString()).toArray(String[]::new));
        return this;
    }

    public Columns<T> bigint(Function<T, Long> value) {
        arrays.add(rows.stream().map(value).toArray(Long[]::new));
        return this;
    }

    public Columns<T> integer(Function<T, Integer> value) {
        arrays.add(rows.stream().map(value).toArray(Integer[]::new));
        return this;
    }

    public Columns<T> bytes(Function<T, byte[]> value) {
        arrays.add(rows.stream().map(value).toArray(byte[][]::new));
        return this;
    }

    /** The arrays, in the order the columns were named. */
    public Object[] parameters() {
        return arrays.toArray();
    }
}
