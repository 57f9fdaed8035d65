/**
 * The exceptions staff decide on (table staff_exceptions) and the resolutions they record (exception_resolutions):
 * raised and resolved by matching, announced on the exceptions topic, read by operations and the daily close.
 */
@ApplicationModule(displayName = "Exceptions", allowedDependencies = {"reconciliation", "ledger", "platform"})
package io.shuno.exceptions;

import org.springframework.modulith.ApplicationModule;
