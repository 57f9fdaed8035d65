package io.shuno.exceptions;

import io.shuno.platform.MunicipalityScope;
import io.shuno.platform.SqlFilter;

import java.time.LocalDate;
import java.util.Optional;

/** Which exceptions to list: by reason, status, municipality and the Tokyo date raised (both ends inclusive). */
public record ExceptionFilter(Optional<String> reason, Optional<String> status, Optional<String> municipality,
                              Optional<LocalDate> from, Optional<LocalDate> to) {

    SqlFilter where(MunicipalityScope scope) {
        return new SqlFilter().within(scope, "e.municipality_code")
                .when(reason, "e.reason = ?").when(status, "e.status = ?").when(municipality, "e.municipality_code = ?")
                .when(from, "(e.raised_at at time zone 'Asia/Tokyo')::date >= ?")
                .when(to, "(e.raised_at at time zone 'Asia/Tokyo')::date <= ?");
    }
}
