package io.shuno.intake;

import io.shuno.matching.Inbound;
import io.shuno.matching.Needs;
import io.shuno.matching.UnitOfWork;
import io.shuno.reconciliation.Reconciler;
import io.shuno.reconciliation.StaffException;

/**
 * One input topic as a plug-in of the {@link BatchPipeline}: how its records are read (schema, reader and message
 * id, from {@link RecordFormat}), which keys and state a message needs, and how the pure domain decides one message
 * on the state the pipeline loaded. The pipeline does everything else: dead letters, the inbox, locks, loading,
 * writing, the transaction and the offsets.
 */
interface Source<C> extends RecordFormat<C> {

    /** Declares what deciding this message needs: the pipeline locks and loads it for the whole batch at once. */
    void declareNeeds(C command, Needs needs);

    /**
     * Decides a message seen for the first time, through {@code reconciler}, on the batch's state, and records what it
     * did in {@code work}.
     */
    void decide(Inbound<C> message, UnitOfWork work, Reconciler reconciler);

    /** What staff are shown when a message id comes again with other content ({@code fingerprint} the new one's). */
    StaffException conflictingDuplicate(C command, String fingerprint);
}
