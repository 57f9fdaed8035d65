package io.shuno.ledger;

import io.shuno.reconciliation.HeldOverpayment;
import io.shuno.reconciliation.InvoiceId;
import io.shuno.reconciliation.OpenSettlement;
import io.shuno.reconciliation.PaymentKey;
import io.shuno.reconciliation.PaymentRef;
import io.shuno.reconciliation.RevenueBooking;
import io.shuno.reconciliation.Settlement;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/** What has been booked so far that an invoice event may have to undo: revenue to reverse, suspense to re-match. */
@Component
public class SettlementHistory {

    private final JdbcTemplate jdbc;

    SettlementHistory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Each invoice's REVENUE settlements in booking order, with what of each is not yet reversed. */
    public Map<InvoiceId, List<RevenueBooking>> revenueOf(Collection<InvoiceId> invoices) {
        Map<InvoiceId, List<RevenueBooking>> found = new HashMap<>();
        withUnreversed("s.kind = 'REVENUE' and s.invoice_id = any(?)", (revenue, unreversed) ->
                found.computeIfAbsent(revenue.invoiceId().orElseThrow(), id -> new ArrayList<>())
                        .add(new RevenueBooking(revenue, unreversed)),
                (Object) invoices.stream().map(InvoiceId::value).toArray(String[]::new));
        return found;
    }

    /** The 過誤納金 one payment left on one invoice: its OVERPAYMENT settlements, oldest first, with what is left. */
    public List<HeldOverpayment> overpaymentsOf(PaymentRef payment, InvoiceId invoice) {
        List<HeldOverpayment> found = new ArrayList<>();
        withUnreversed("s.kind = 'OVERPAYMENT' and s.payment_ref = ? and s.invoice_id = ?",
                (overpayment, unreversed) -> found.add(new HeldOverpayment(overpayment, unreversed)),
                payment.value(), invoice.value());
        return found;
    }

    /** The payment's SUSPENSE settlement while it is still held in suspense. */
    public Optional<Settlement> suspenseOf(PaymentRef payment) {
        List<Settlement> found = new ArrayList<>();
        withUnreversed("s.kind = 'SUSPENSE' and s.payment_ref = ?", (suspense, unreversed) -> {
            if (unreversed > 0) {
                found.add(suspense);
            }
        }, payment.value());
        return found.stream().findFirst();
    }

    /** Settlements matching {@code condition}, in booking order, each with the part of it not yet reversed. */
    private void withUnreversed(String condition, BiConsumer<Settlement, Long> each, Object... parameters) {
        jdbc.query("select " + SettlementRows.COLUMNS + """
                , s.amount - coalesce((select sum(r.amount) from settlements r where r.reverses = s.settlement_id), 0)
                  as unreversed
                from settlements s where\s""" + condition + " order by s.booked_seq", row -> {
            each.accept(SettlementRows.map(row), row.getLong("unreversed"));
        }, parameters);
    }

    /**
     * What each payment has booked, in booking order, each with what of it is not reversed (a REFUND takes its part
     * off the OVERPAYMENT it clears): what a VOID of it must reverse — and its refunds and their interest, which a
     * VOID does not undo but must tell staff about, since the card gets that money back too.
     */
    public Map<PaymentRef, List<OpenSettlement>> openOf(Collection<PaymentRef> payments) {
        Map<PaymentRef, List<OpenSettlement>> found = new HashMap<>();
        withUnreversed("s.kind <> 'REVERSAL' and s.payment_ref = any(?)", (settlement, unreversed) ->
                found.computeIfAbsent(settlement.paymentRef(), ref -> new ArrayList<>())
                        .add(new OpenSettlement(settlement, unreversed)),
                (Object) payments.stream().map(PaymentRef::value).toArray(String[]::new));
        return found;
    }

    /**
     * Payments held in suspense (不明収納) for the given payment keys (eL番号, barcodes, debit keys), not yet
     * reversed, oldest first. Found through the payments that named the keys: a settlement carries no key.
     */
    public Map<PaymentKey, List<Settlement>> suspendedFor(Collection<PaymentKey> keys) {
        Map<PaymentKey, List<Settlement>> found = new HashMap<>();
        jdbc.query("select p.key_type, p.key_value, " + SettlementRows.COLUMNS + " " + """
                from settlements s join payments p on p.payment_ref = s.payment_ref
                where s.kind = 'SUSPENSE'
                  and (p.key_type, p.key_value) in (select * from unnest(?::text[], ?::text[]))
                  and not exists (select 1 from settlements r where r.reverses = s.settlement_id)
                order by s.booked_seq""", row -> {
            found.computeIfAbsent(PaymentKey.parse(PaymentKey.Type.valueOf(row.getString("key_type")),
                    row.getString("key_value")), key -> new ArrayList<>()).add(SettlementRows.map(row));
        }, keys.stream().map(key -> key.type().name()).toArray(String[]::new),
                keys.stream().map(PaymentKey::value).toArray(String[]::new));
        return found;
    }
}
