/**
 * The daily close read model.
 */
@ApplicationModule(displayName = "Daily close (日計表)", allowedDependencies = {"reconciliation", "platform"})
package io.shuno.dailyclose;

import org.springframework.modulith.ApplicationModule;
