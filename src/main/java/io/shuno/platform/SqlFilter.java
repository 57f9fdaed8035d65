package io.shuno.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The where clause of a list query, built from the filters a caller gave and the municipalities they act for. */
public final class SqlFilter {

    private final List<String> conditions = new ArrayList<>();
    private final List<Object> parameters = new ArrayList<>();

    /** Adds {@code condition} (with one {@code ?}) when the filter value is given. */
    public SqlFilter when(Optional<?> value, String condition) {
        value.ifPresent(v -> {
            conditions.add(condition);
            parameters.add(v);
        });
        return this;
    }

    /** Only rows of the scope's municipalities; rows naming none only for a scope of all. */
    public SqlFilter within(MunicipalityScope scope, String municipalityColumn) {
        if (!scope.allMunicipalities()) {
            conditions.add(municipalityColumn + " = any(?)");
            parameters.add(scope.municipalities().toArray(String[]::new));
        }
        return this;
    }

    public String where() {
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }

    public Object[] parameters() {
        return parameters.toArray();
    }

    /** The parameters followed by {@code limit} and {@code offset}. */
    public Object[] parameters(int limit, long offset) {
        List<Object> all = new ArrayList<>(parameters);
        all.add(limit);
        all.add(offset);
        return all.toArray();
    }
}
