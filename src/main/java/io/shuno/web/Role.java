package io.shuno.web;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a user may do: VIEWER reads, OPERATOR also handles dead letters and replays, TREASURER also resolves
 * exceptions, ADMIN does everything. A role grants the roles below it, so rules name the least role they need.
 */
public enum Role {
    VIEWER, OPERATOR, TREASURER, ADMIN;

    Set<Role> granted() {
        return switch (this) {
            case VIEWER -> EnumSet.of(VIEWER);
            case OPERATOR -> EnumSet.of(OPERATOR, VIEWER);
            case TREASURER -> EnumSet.of(TREASURER, VIEWER);
            case ADMIN -> EnumSet.allOf(Role.class);
        };
    }
}
