/**
 * Matches payments to invoices under per-invoice locks: the inbox, the stores of invoices, payments and
 * sales, and the exception journal.
 */
@ApplicationModule(displayName = "Matching", allowedDependencies = {"reconciliation", "ledger", "platform"})
package io.shuno.matching;

import org.springframework.modulith.ApplicationModule;
