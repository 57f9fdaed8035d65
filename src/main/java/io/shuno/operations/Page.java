package io.shuno.operations;

import java.util.List;

/** One page of a list, with the total so a client can page through all of it. */
public record Page<T>(List<T> items, int page, int size, long total) {

    public Page {
        items = List.copyOf(items);
    }
}
