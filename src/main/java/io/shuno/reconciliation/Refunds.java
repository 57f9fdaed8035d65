package io.shuno.reconciliation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * 還付 and the 還付加算金 of 還付 and 充当. A refund clears 過誤納金 (its OVERPAYMENT bookings, oldest first) into
 * refunds payable; where interest applies, a REFUND_INTEREST settlement books it as an expense, also payable. An
 * appropriation books its interest the same way, up to the appropriation date. What is refunded or appropriated is
 * bounded by what the exception still has outstanding and by what its bookings still hold, so no yen goes out twice.
 */
public final class Refunds {

    private final RefundInterestTerms terms;

    public Refunds(RefundInterestTerms terms) {
        this.terms = Objects.requireNonNull(terms);
    }

    /** What of the 過誤納金 is left to refund or appropriate. */
    public static long available(List<HeldOverpayment> held, long outstanding) {
        return Math.min(outstanding, held.stream().mapToLong(HeldOverpayment::unreversed).sum());
    }

    /** The 還付加算金 on {@code amount} yen of the 過誤納金 {@code held}, refunded or appropriated on {@code decidedOn}. */
    public RefundInterest interest(InvoiceTerms overpaid, RefundClaim claim, List<HeldOverpayment> held, long amount,
                                   LocalDate decidedOn) {
        if (held.isEmpty()) {
            throw new RefusedDecision("this payment holds no 過誤納金 on the invoice");
        }
        return RefundInterest.compute(amount, claim.cause(), held.get(0).overpayment().receivedOn(), decidedOn,
                terms.settingFor(overpaid.municipality(), overpaid.item()), terms.rates());
    }

    /**
     * Whether a decision that settled {@code settled} yen of the 過誤納金 {@code held} (as it was before the decision)
     * leaves nothing to refund or appropriate: then it resolves the exception, even when bookings outside its
     * decisions took part of the money and its outstanding amount can no longer all go out.
     */
    public static boolean leavesNothing(List<HeldOverpayment> held, long outstanding, long settled) {
        return settled >= available(held, outstanding);
    }

    /**
     * 還付 of {@code amount} yen (when empty, all that is left to refund) of the 過誤納金 {@code held} for
     * {@code overpaid}, decided on {@code decidedOn} and booked under {@code cause}; refused once the claim has lapsed.
     */
    public Decision refund(InvoiceTerms overpaid, RefundClaim claim, List<HeldOverpayment> held, long outstanding,
                           Optional<Long> requested, LocalDate decidedOn, String cause) {
        mustNotHaveLapsed(claim, decidedOn, "refund");
        long available = available(held, outstanding);
        if (available == 0) {
            throw new RefusedDecision("nothing of this overpayment is left to refund");
        }
        long amount = requested.orElse(available);
        if (amount < 1 || amount > available) {
            throw new RefusedDecision("amount: a refund is between 1円 and the " + Yen.format(available) + " left");
        }
        List<Settlement> settlements = new ArrayList<>();
        long toClear = amount;
        for (HeldOverpayment booking : held) {
            long part = Math.min(booking.unreversed(), toClear);
            if (part > 0) {
                settlements.add(Settlements.refund(booking.overpayment(), Amount.of(part), decidedOn, cause));
                toClear -= part;
            }
        }
        RefundInterest interest = interest(overpaid, claim, held, amount, decidedOn);
        if (interest.amount() > 0) {
            settlements.add(Settlements.refundInterest(held.get(0).overpayment(), Amount.of(interest.amount()), decidedOn, cause));
        }
        return new Decision(List.of(), settlements, List.of(), Amount.of(amount), Optional.of(interest));
    }

    /**
     * An appropriation with the 還付加算金 on what it used, up to the appropriation date; refused once the claim has
     * lapsed, since 時効 extinguishes the claim that 充当 would settle.
     */
    public Decision withInterest(Decision appropriation, InvoiceTerms overpaid, RefundClaim claim,
                                 List<HeldOverpayment> held, LocalDate appropriatedOn, String cause) {
        mustNotHaveLapsed(claim, appropriatedOn, "appropriation");
        RefundInterest interest = interest(overpaid, claim, held, appropriation.settledAmount().yen(), appropriatedOn);
        List<Settlement> settlements = new ArrayList<>(appropriation.settlements());
        if (interest.amount() > 0) {
            settlements.add(Settlements.refundInterest(held.get(0).overpayment(), Amount.of(interest.amount()), appropriatedOn,
                    cause));
        }
        return new Decision(appropriation.invoices(), settlements, appropriation.exceptions(),
                appropriation.settledAmount(), Optional.of(interest));
    }

    /** Refuses a {@code act} (refund or appropriation) decided after the claim lapsed. */
    public static void mustNotHaveLapsed(RefundClaim claim, LocalDate decidedOn, String act) {
        if (decidedOn.isAfter(claim.lastDayToRefund())) {
            throw new RefusedDecision("the refund claim has lapsed (時効): the last day to decide its " + act + " was "
                    + claim.lastDayToRefund());
        }
    }
}
