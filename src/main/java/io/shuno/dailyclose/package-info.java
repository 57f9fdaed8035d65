/**
 * The daily close read model.
 */
@ApplicationModule(displayName = "Daily close (日計表)", allowedDependencies = {"reconciliation", "ledger", "matching", "exceptions", "platform"})
package io.shuno.dailyclose;

import org.springframework.modulith.ApplicationModule;
