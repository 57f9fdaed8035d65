package io.shuno.reconciliation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the billing system says an invoice is: who owes how much, for what, to which account, and the slips it can
 * be paid with ({@code elNumber} is the one slip of an invoice that lists no others).
 */
public record InvoiceTerms(
        InvoiceId id,
        MunicipalityCode municipality,
        Optional<ElNumber> elNumber,
        Item item,
        Account account,
        String revenueCode,
        FiscalYear fiscalYear,
        Amount amount,
        LocalDate dueDate,
        String payerId,
        Optional<Integer> installment,
        List<PaymentSlip> slips) {

    /** Terms whose only slip, if any, is {@code elNumber}. */
    public InvoiceTerms(InvoiceId id, MunicipalityCode municipality, Optional<ElNumber> elNumber, Item item,
                        Account account, String revenueCode, FiscalYear fiscalYear, Amount amount, LocalDate dueDate,
                        String payerId, Optional<Integer> installment) {
        this(id, municipality, elNumber, item, account, revenueCode, fiscalYear, amount, dueDate, payerId,
                installment, List.of());
    }

    public InvoiceTerms {
        Objects.requireNonNull(id);
        Objects.requireNonNull(municipality);
        Objects.requireNonNull(elNumber);
        Objects.requireNonNull(item);
        Objects.requireNonNull(account);
        Objects.requireNonNull(revenueCode);
        Objects.requireNonNull(fiscalYear);
        Objects.requireNonNull(dueDate);
        Objects.requireNonNull(payerId);
        Objects.requireNonNull(installment);
        Objects.requireNonNull(amount);
        slips = List.copyOf(slips);
        elNumber.ifPresent(el -> requireOwn(el, municipality));
        slips.stream().map(PaymentSlip::key).forEach(key -> {
            if (key instanceof PaymentKey.El el) {
                requireOwn(el.number(), municipality);
            }
        });
    }

    private static void requireOwn(ElNumber el, MunicipalityCode municipality) {
        if (!el.municipality().equals(municipality)) {
            throw new InvalidIdentifierException("eL番号 " + el + " belongs to 団体コード " + el.municipality()
                    + ", not to " + municipality);
        }
    }

    /** Every key a payment may name this invoice by: {@code elNumber} first, then the listed slips, each once. */
    public List<PaymentKey> paymentKeys() {
        if (slips.isEmpty()) {
            return elNumber.map(PaymentKey::of).stream().toList();
        }
        Set<PaymentKey> keys = new LinkedHashSet<>();
        elNumber.map(PaymentKey::of).ifPresent(keys::add);
        slips.forEach(slip -> keys.add(slip.key()));
        return List.copyOf(keys);
    }

    /** Whether a payment naming {@code key} pays this invoice. */
    public boolean payableWith(PaymentKey key) {
        if (key instanceof PaymentKey.El el && elNumber.isPresent() && elNumber.get().equals(el.number())) {
            return true;
        }
        for (PaymentSlip slip : slips) {
            if (slip.key().equals(key)) {
                return true;
            }
        }
        return false;
    }

    /**
     * These terms with every key of {@code newer} added that they lack, as a slip: a reissued slip (a new eL番号 or
     * barcode, a new debit date) adds a way to pay, and the old slip stays payable in practice.
     */
    public InvoiceTerms withSlipsOf(InvoiceTerms newer) {
        Set<PaymentKey> known = new LinkedHashSet<>(paymentKeys());
        List<PaymentSlip> merged = new ArrayList<>(slips);
        newer.elNumber.map(PaymentKey::of).filter(known::add).map(PaymentSlip::of).ifPresent(merged::add);
        newer.slips.stream().filter(slip -> known.add(slip.key())).forEach(merged::add);
        return withSlips(merged);
    }

    public InvoiceTerms withSlips(List<PaymentSlip> newSlips) {
        return new InvoiceTerms(id, municipality, elNumber, item, account, revenueCode, fiscalYear, amount, dueDate,
                payerId, installment, newSlips);
    }

    public InvoiceTerms withAmount(Amount newAmount) {
        return new InvoiceTerms(id, municipality, elNumber, item, account, revenueCode, fiscalYear, newAmount,
                dueDate, payerId, installment, slips);
    }
}
