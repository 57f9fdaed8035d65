package io.shuno.operations;

import io.shuno.deadletters.DeadLetterFilter;
import io.shuno.deadletters.DeadLetterQueries;
import io.shuno.deadletters.DeadLetterView;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/** The dead letters intake kept, as an operator may see them, and the ids a bulk replay sends back. */
@Component
public class DeadLetterStore {

    private final DeadLetterQueries queries;

    DeadLetterStore(DeadLetterQueries queries) {
        this.queries = queries;
    }

    public Page<DeadLetterView> find(DeadLetterFilter filter, Actor actor, PageRequest page) {
        return new Page<>(queries.find(filter, actor.scope(), page.size(), page.offset()), page.page(), page.size(),
                queries.count(filter, actor.scope()));
    }

    public DeadLetterView get(long id, Actor actor) {
        DeadLetterView letter = queries.read(id).orElseThrow(() -> OperationFailure.notFound("dead letter " + id));
        actor.mustCover(Optional.ofNullable(letter.municipalityCode()));
        return letter;
    }

    /**
     * The ids of the dead letters a bulk replay sends back: those matching, except the discarded and refused files
     * (not Kafka records: a corrected file is dropped again instead).
     */
    List<Long> replayable(DeadLetterFilter filter, Actor actor) {
        return queries.replayable(filter, actor.scope());
    }
}
