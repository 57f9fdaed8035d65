/**
 * Matches payments to invoices under per-invoice locks: the inbox, the stores of invoices, payments and
 * sales.
 */
@ApplicationModule(displayName = "Matching", allowedDependencies = {"reconciliation", "ledger", "exceptions", "platform"})
package io.shuno.matching;

import org.springframework.modulith.ApplicationModule;
