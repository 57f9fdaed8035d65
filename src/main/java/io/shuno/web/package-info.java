/**
 * The REST API and the dashboard.
 */
@ApplicationModule(displayName = "Web", allowedDependencies = {"operations", "dailyclose", "reconciliation", "platform"})
package io.shuno.web;

import org.springframework.modulith.ApplicationModule;
