package io.shuno.web;

import io.shuno.operations.AuditEntry;
import io.shuno.operations.AuditFilter;
import io.shuno.operations.AuditLog;
import io.shuno.operations.Page;
import io.shuno.operations.PageRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Optional;

/** The audit log: who did what, when, to which record — as JSON pages or as one CSV file. */
@RestController
@Tag(name = "Audit log")
class AuditApi {

    private final AuditLog audit;
    private final ApiUserDirectory users;

    AuditApi(AuditLog audit, ApiUserDirectory users) {
        this.audit = audit;
        this.users = users;
    }

    @GetMapping("/api/v1/audit")
    @Operation(summary = "Audit entries, oldest first, filtered by actor, action, target and time (from inclusive, "
            + "to exclusive)")
    Page<AuditEntry> list(@RequestParam Optional<String> actor, @RequestParam Optional<String> action,
                          @RequestParam Optional<String> targetType, @RequestParam Optional<String> targetId,
                          @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Optional<OffsetDateTime> from,
                          @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Optional<OffsetDateTime> to,
                          @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size,
                          Authentication caller) {
        return audit.find(new AuditFilter(actor, action, targetType, targetId, from, to), users.actor(caller),
                new PageRequest(page, size));
    }

    @GetMapping("/api/v1/audit.csv")
    @Operation(summary = "Every matching audit entry as CSV (UTF-8 with a byte order mark, so Excel reads Japanese)")
    void csv(@RequestParam Optional<String> actor, @RequestParam Optional<String> action,
             @RequestParam Optional<String> targetType, @RequestParam Optional<String> targetId,
             @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Optional<OffsetDateTime> from,
             @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Optional<OffsetDateTime> to,
             Authentication caller, HttpServletResponse response) throws IOException {
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"shuno-audit.csv\"");
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        audit.exportCsv(new AuditFilter(actor, action, targetType, targetId, from, to), users.actor(caller), out);
    }
}
