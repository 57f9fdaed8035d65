/**
 * Reads the channels' records from Kafka, validates them against their schemas, and dead-letters what
 * cannot be read.
 */
@ApplicationModule(displayName = "Intake", allowedDependencies = {"reconciliation", "matching", "deadletters", "platform"})
package io.shuno.intake;

import org.springframework.modulith.ApplicationModule;
