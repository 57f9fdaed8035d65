/**
 * The one batch pipeline every channel's records go through ({@code BatchPipeline}), and each channel as a plug-in
 * of it ({@code Source}): read and validate against the schemas, dead-letter what cannot be read or applied, then
 * lock, load, decide, write and commit offsets.
 */
@ApplicationModule(displayName = "Intake", allowedDependencies = {"reconciliation", "matching", "deadletters", "platform"})
package io.shuno.intake;

import org.springframework.modulith.ApplicationModule;
