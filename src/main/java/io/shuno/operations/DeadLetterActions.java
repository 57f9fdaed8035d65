package io.shuno.operations;

import io.shuno.deadletters.DeadLetterQueries;
import io.shuno.deadletters.DeadLetterStatus;
import io.shuno.deadletters.DeadLetterView;
import io.shuno.deadletters.DeadLetters;
import io.shuno.ledger.Outbox;
import io.shuno.ledger.OutboxMessage;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What operators do with a dead letter. A replay puts the original key and bytes back on the source topic through
 * the outbox, so intake validates and deduplicates them like any record (a replay never settles twice); a discard
 * marks it done with a mandatory comment and keeps it. Both are audited in the same transaction.
 */
@Component
public class DeadLetterActions {

    private final DeadLetterQueries store;
    private final DeadLetters deadLetters;
    private final Outbox outbox;
    private final AuditLog audit;
    private final Clock clock;

    DeadLetterActions(DeadLetterQueries store, DeadLetters deadLetters, Outbox outbox, AuditLog audit, Clock clock) {
        this.store = store;
        this.deadLetters = deadLetters;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public DeadLetterView replay(long id, Actor actor) {
        DeadLetterView letter = lockFor(id, actor);
        return replayLocked(letter, actor, Optional.empty());
    }

    @Transactional
    public DeadLetterView discard(long id, String comment, Actor actor) {
        if (comment == null || comment.isBlank()) {
            throw OperationFailure.invalid("comment: say why the record is not replayed");
        }
        DeadLetterView letter = lockFor(id, actor);
        if (letter.status() == DeadLetterStatus.DISCARDED) {
            throw OperationFailure.conflict("dead letter " + id + " is already discarded");
        }
        deadLetters.discarded(id, OffsetDateTime.now(clock), actor.id(), comment);
        DeadLetterView after = store.lock(id).orElseThrow();
        audit.record(actor, "DEAD_LETTER_DISCARDED", "DEAD_LETTER", Long.toString(id),
                Optional.ofNullable(letter.municipalityCode()), letter.state(), after.state(), comment);
        return after;
    }

    /**
     * Replays one dead letter of a bulk job in the caller's transaction; false when it can no longer be replayed
     * (discarded meanwhile).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    boolean replayForJob(long id, Actor actor, UUID job) {
        Optional<DeadLetterView> letter = store.lock(id)
                .filter(l -> l.status() != DeadLetterStatus.DISCARDED && !l.isRejectedFile());
        letter.ifPresent(l -> replayLocked(l, actor, Optional.of(job)));
        return letter.isPresent();
    }

    private DeadLetterView lockFor(long id, Actor actor) {
        DeadLetterView letter = store.lock(id).orElseThrow(() -> OperationFailure.notFound("dead letter " + id));
        actor.mustCover(Optional.ofNullable(letter.municipalityCode()));
        return letter;
    }

    private DeadLetterView replayLocked(DeadLetterView letter, Actor actor, Optional<UUID> job) {
        if (letter.status() == DeadLetterStatus.DISCARDED) {
            throw OperationFailure.conflict("dead letter " + letter.id() + " was discarded and is not replayed");
        }
        if (letter.isRejectedFile()) {
            throw OperationFailure.conflict("dead letter " + letter.id() + " is a refused file, not a Kafka record: "
                    + "ファイルは再送できません。訂正したファイルをドロップフォルダに置き直してください / drop the corrected file "
                    + "into its folder again");
        }
        outbox.append(List.of(new OutboxMessage(letter.sourceTopic(), letter.key(),
                Base64.getDecoder().decode(letter.payloadBase64()),
                Map.of(DeadLetters.REPLAY_OF, Long.toString(letter.id())))));
        deadLetters.replaying(letter.id(), OffsetDateTime.now(clock), job);
        DeadLetterView after = store.lock(letter.id()).orElseThrow();
        audit.record(actor, "DEAD_LETTER_REPLAYED", "DEAD_LETTER", Long.toString(letter.id()),
                Optional.ofNullable(letter.municipalityCode()), letter.state(), after.state(),
                job.map(id -> "bulk replay " + id).orElse(null));
        return after;
    }
}
