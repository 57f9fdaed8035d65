package io.shuno.operations;

import io.shuno.platform.SqlFilter;

import java.time.OffsetDateTime;
import java.util.Optional;

/** Which audit entries to list or export; every field is optional. */
public record AuditFilter(Optional<String> actor, Optional<String> action, Optional<String> targetType,
                          Optional<String> targetId, Optional<OffsetDateTime> from, Optional<OffsetDateTime> to) {

    SqlFilter where(Actor caller) {
        return new SqlFilter().within(caller.scope(), "municipality_code")
                .when(actor, "actor = ?").when(action, "action = ?").when(targetType, "target_type = ?")
                .when(targetId, "target_id = ?").when(from, "at >= ?").when(to, "at < ?");
    }
}
