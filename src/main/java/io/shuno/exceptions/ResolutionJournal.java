package io.shuno.exceptions;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.util.UUID;

/** Records staff's resolutions of exceptions (table exception_resolutions), in the transaction that decided them. */
@Component
public class ResolutionJournal {

    private final JdbcTemplate jdbc;

    ResolutionJournal(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void record(ResolutionView resolution) {
        jdbc.update("""
                insert into exception_resolutions (resolution_id, exception_id, action, amount, targets,
                    refund_reference, comment, resolved_by, resolved_at, decided_on, interest, interest_from,
                    interest_to) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                UUID.fromString(resolution.resolutionId()), UUID.fromString(resolution.exceptionId()),
                resolution.action().name(), resolution.amount(), resolution.targets().toArray(String[]::new),
                resolution.refundReference(), resolution.comment(), resolution.resolvedBy(),
                resolution.resolvedAt(), resolution.decidedOn(), resolution.interest(), resolution.interestFrom(),
                resolution.interestTo());
    }
}
