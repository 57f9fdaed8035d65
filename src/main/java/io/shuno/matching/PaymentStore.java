package io.shuno.matching;

import io.shuno.reconciliation.ElNumber;
import io.shuno.reconciliation.NoticeStage;
import io.shuno.reconciliation.PaymentRef;
import io.shuno.reconciliation.PaymentState;
import io.shuno.platform.Columns;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The payments table: the last stage each payment reached. */
@Component
class PaymentStore {

    private final JdbcTemplate jdbc;

    PaymentStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Map<PaymentRef, PaymentState> load(Collection<PaymentRef> refs) {
        return query("payment_ref = any(?)", refs.stream().map(PaymentRef::value).toArray(String[]::new));
    }

    /** Every payment made against the given eL番号, whatever its stage. */
    Map<PaymentRef, PaymentState> paidAgainst(Collection<ElNumber> elNumbers) {
        // char(34) against bpchar[], so the index payments_el_number serves it (see InvoiceStore.idsByElNumber)
        return query("el_number = any(?::bpchar[])", elNumbers.stream().map(ElNumber::value).toArray(String[]::new));
    }

    private Map<PaymentRef, PaymentState> query(String condition, String[] values) {
        Map<PaymentRef, PaymentState> found = new HashMap<>();
        jdbc.query("select payment_ref, el_number, amount, stage from payments where " + condition, row -> {
            PaymentState state = new PaymentState(new PaymentRef(row.getString(1)), new ElNumber(row.getString(2)),
                    row.getLong(3), NoticeStage.valueOf(row.getString(4)));
            found.put(state.paymentRef(), state);
        }, (Object) values);
        return found;
    }

    /** Each payment at most once: one statement cannot update a row twice. */
    void save(List<PaymentState> payments) {
        if (payments.isEmpty()) {
            return;
        }
        jdbc.update("""
                insert into payments (payment_ref, el_number, amount, stage)
                select * from unnest(?::text[], ?::bpchar[], ?::bigint[], ?::text[])
                on conflict (payment_ref) do update set stage = excluded.stage, amount = excluded.amount,
                    updated_at = now()""", Columns.of(payments).text(PaymentState::paymentRef)
                .text(PaymentState::elNumber).bigint(PaymentState::amount).text(PaymentState::stage).parameters());
    }
}
