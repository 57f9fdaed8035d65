/**
 * Staff decisions, dead-letter replays, the audit log and the read models staff look at.
 */
@ApplicationModule(displayName = "Operations", allowedDependencies = {"reconciliation", "ledger", "matching", "exceptions", "deadletters", "platform"})
package io.shuno.operations;

import org.springframework.modulith.ApplicationModule;
