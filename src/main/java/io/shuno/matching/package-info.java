/**
 * The state payments are matched on: what a batch needs, its locks, loading it in bulk ({@code LoadedState}), the
 * unit of work its decisions fill and writing it; the inbox, the stores of invoices, payments and sales.
 */
@ApplicationModule(displayName = "Matching", allowedDependencies = {"reconciliation", "ledger", "exceptions", "platform"})
package io.shuno.matching;

import org.springframework.modulith.ApplicationModule;
