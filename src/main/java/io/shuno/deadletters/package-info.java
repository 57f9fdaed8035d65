/**
 * The records intake could not apply (table dead_letters): kept for replay, announced on the dead-letter topic,
 * replayed or discarded by operators.
 */
@ApplicationModule(displayName = "Dead letters", allowedDependencies = {"matching", "ledger", "platform"})
package io.shuno.deadletters;

import org.springframework.modulith.ApplicationModule;
