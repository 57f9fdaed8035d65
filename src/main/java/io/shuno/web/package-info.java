/**
 * The REST API and the dashboard.
 */
@ApplicationModule(displayName = "Web", allowedDependencies = {"operations", "dailyclose", "exceptions", "deadletters", "ledger", "reconciliation", "platform"})
package io.shuno.web;

import org.springframework.modulith.ApplicationModule;
