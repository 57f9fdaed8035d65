/**
 * Settlements as double entries, the transactional outbox and the relay that publishes it.
 */
@ApplicationModule(displayName = "Ledger", allowedDependencies = {"reconciliation", "platform"})
package io.shuno.ledger;

import org.springframework.modulith.ApplicationModule;
