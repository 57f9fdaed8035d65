package io.shuno.matching;

import io.shuno.reconciliation.ElNumber;
import io.shuno.reconciliation.NoticeStage;
import io.shuno.reconciliation.PaymentKey;
import io.shuno.reconciliation.PaymentRef;
import io.shuno.reconciliation.PaymentState;
import io.shuno.platform.Columns;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The payments table: the last stage each payment reached, and the key it named its invoice by (type and value;
 * {@code el_number} stays filled for eLTAX payments, and is all that rows written before V18 had).
 */
@Component
class PaymentStore {

    private final JdbcTemplate jdbc;

    PaymentStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Map<PaymentRef, PaymentState> load(Collection<PaymentRef> refs) {
        return load(refs, List.of());
    }

    /** These payments, and every payment made against the given keys, whatever its stage. */
    Map<PaymentRef, PaymentState> load(Collection<PaymentRef> refs, Collection<PaymentKey> paidAgainst) {
        Map<PaymentRef, PaymentState> found = new HashMap<>();
        RowCallbackHandler keep = row -> {
            PaymentState state = new PaymentState(new PaymentRef(row.getString("payment_ref")), keyOf(row),
                    row.getLong("amount"), NoticeStage.valueOf(row.getString("stage")));
            found.put(state.paymentRef(), state);
        };
        // One indexed condition per statement (see InvoiceStore.keysOf): with "or" a prepared statement's generic
        // plan may scan the whole table.
        if (!refs.isEmpty()) {
            jdbc.query("""
                    select payment_ref, key_type, key_value, el_number, amount, stage from payments
                    where payment_ref = any(?)""", keep,
                    (Object) refs.stream().map(PaymentRef::value).toArray(String[]::new));
        }
        if (!paidAgainst.isEmpty()) {
            jdbc.query("""
                    select payment_ref, key_type, key_value, el_number, amount, stage from payments
                    where (key_type, key_value) in (select * from unnest(?::text[], ?::text[]))""", keep,
                    paidAgainst.stream().map(key -> key.type().name()).toArray(String[]::new),
                    paidAgainst.stream().map(PaymentKey::value).toArray(String[]::new));
        }
        return found;
    }

    private static PaymentKey keyOf(ResultSet row) throws SQLException {
        String type = row.getString("key_type");
        return type == null ? PaymentKey.of(new ElNumber(row.getString("el_number")))
                : PaymentKey.parse(PaymentKey.Type.valueOf(type), row.getString("key_value"));
    }

    /**
     * Inserts the added payments and moves the updated ones on (stage and amount; the key a payment named stays).
     * Without "on conflict" an insert costs about a quarter less. Added means new (see UnitOfWork#addedPayments) and
     * the batch holds the locks that guard its payments' keys, so no other batch adds one meanwhile; a row that exists
     * all the same fails the batch, which then finds the message that causes it, rather than being overwritten.
     */
    void save(List<PaymentState> added, List<PaymentState> updated) {
        if (!added.isEmpty()) {
            jdbc.update("""
                    insert into payments (payment_ref, key_type, key_value, el_number, amount, stage)
                    select * from unnest(?::text[], ?::text[], ?::text[], ?::bpchar[], ?::bigint[], ?::text[])""",
                    Columns.of(added).text(PaymentState::paymentRef).text(payment -> payment.key().type())
                            .text(payment -> payment.key().value())
                            .text(payment -> payment.key() instanceof PaymentKey.El el ? el.number() : null)
                            .bigint(PaymentState::amount).text(PaymentState::stage).parameters());
        }
        if (!updated.isEmpty()) {
            jdbc.update("""
                    update payments p set stage = u.stage, amount = u.amount, updated_at = now()
                    from unnest(?::text[], ?::bigint[], ?::text[]) as u(payment_ref, amount, stage)
                    where p.payment_ref = u.payment_ref""", Columns.of(updated).text(PaymentState::paymentRef)
                    .bigint(PaymentState::amount).text(PaymentState::stage).parameters());
        }
    }
}
