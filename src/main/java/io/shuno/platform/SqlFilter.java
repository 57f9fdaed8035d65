package io.shuno.operations;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The where clause of a list query, built from the filters a caller gave and the municipalities they act for. */
final class SqlFilter {

    private final List<String> conditions = new ArrayList<>();
    private final List<Object> parameters = new ArrayList<>();

    /** Adds {@code condition} (with one {@code ?}) when the filter value is given. */
    SqlFilter when(Optional<?> value, String condition) {
        value.ifPresent(v -> {
            conditions.add(condition);
            parameters.add(v);
        });
        return this;
    }

    /** Only rows of the actor's municipalities; rows naming none only for those who act for all. */
    SqlFilter within(Actor actor, String municipalityColumn) {
        if (!actor.allMunicipalities()) {
            conditions.add(municipalityColumn + " = any(?)");
            parameters.add(actor.municipalities().toArray(String[]::new));
        }
        return this;
    }

    String where() {
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }

    Object[] parameters() {
        return parameters.toArray();
    }

    /** The parameters followed by {@code limit} and {@code offset} of the page. */
    Object[] parameters(PageRequest page) {
        List<Object> all = new ArrayList<>(parameters);
        all.add(page.size());
        all.add(page.offset());
        return all.toArray();
    }
}
