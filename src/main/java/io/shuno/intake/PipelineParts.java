package io.shuno.intake;

import io.shuno.deadletters.DeadLetters;
import io.shuno.matching.BatchStore;
import io.shuno.reconciliation.Reconciler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** What every {@link BatchPipeline} works with, whatever its source: one set for all of them. */
@Component
record PipelineParts(SchemaCatalog schemas, TransactionTemplate transactions, DeadLetters deadLetters,
                     BatchStore store, Reconciler reconciler) {
}
