/**
 * What every capability stands on: configuration, the clock, topics, health, consumer lag, and the embedded
 * broker and database of the default run.
 */
@ApplicationModule(displayName = "Platform", allowedDependencies = {"reconciliation"})
package io.shuno.platform;

import org.springframework.modulith.ApplicationModule;
