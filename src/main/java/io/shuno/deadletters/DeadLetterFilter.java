package io.shuno.deadletters;

import io.shuno.platform.MunicipalityScope;
import io.shuno.platform.SqlFilter;

import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * Which dead letters to list or replay: by source topic, error class, a fragment of the reason, status and the time
 * they were received ({@code from} inclusive, {@code to} exclusive); every field is optional.
 */
public record DeadLetterFilter(Optional<String> sourceTopic, Optional<String> errorClass, Optional<String> reason,
                               Optional<String> status, Optional<OffsetDateTime> from, Optional<OffsetDateTime> to) {

    SqlFilter where(MunicipalityScope scope) {
        return new SqlFilter().within(scope, "municipality_code")
                .when(sourceTopic, "source_topic = ?").when(errorClass, "error_class = ?")
                .when(reason.map(fragment -> "%" + fragment.replace("\\", "\\\\").replace("%", "\\%")
                        .replace("_", "\\_") + "%"), "reason ilike ?")
                .when(status, "status = ?").when(from, "received_at >= ?").when(to, "received_at < ?");
    }
}
