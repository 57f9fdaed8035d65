package io.shuno.reconciliation;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a コンビニ payment was taken, as its settlements carry it to the treasury: the chain (コンビニ本部コード, e.g.
 * 010 セブン-イレブン) and the day the collection agency transfers the money (振込日), which the 確報 states. Revenue
 * is still recognised on the day the payer paid, not on the transfer date.
 */
public record StoreReceipt(String chainCode, Optional<LocalDate> transferDate) {

    private static final Pattern CHAIN_CODE = Pattern.compile("[0-9]{3}");

    public StoreReceipt {
        Objects.requireNonNull(transferDate);
        if (chainCode == null || !CHAIN_CODE.matcher(chainCode).matches()) {
            throw new InvalidIdentifierException("コンビニ本部コード must be 3 digits");
        }
    }
}
