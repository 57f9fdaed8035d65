package io.shuno.matching;

import io.shuno.reconciliation.ElNumber;
import io.shuno.reconciliation.NoticeStage;
import io.shuno.reconciliation.PaymentRef;
import io.shuno.reconciliation.PaymentState;
import io.shuno.platform.Columns;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
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
        return load(refs, List.of());
    }

    /** These payments, and every payment made against the given eL番号, whatever its stage. */
    Map<PaymentRef, PaymentState> load(Collection<PaymentRef> refs, Collection<ElNumber> paidAgainst) {
        Map<PaymentRef, PaymentState> found = new HashMap<>();
        RowCallbackHandler keep = row -> {
            PaymentState state = new PaymentState(new PaymentRef(row.getString("payment_ref")),
                    new ElNumber(row.getString("el_number")), row.getLong("amount"),
                    NoticeStage.valueOf(row.getString("stage")));
            found.put(state.paymentRef(), state);
        };
        // One indexed condition per statement (see InvoiceStore.keysOf); char(34) against bpchar[], so the index
        // payments_el_number serves the second.
        if (!refs.isEmpty()) {
            jdbc.query("select payment_ref, el_number, amount, stage from payments where payment_ref = any(?)", keep,
                    (Object) refs.stream().map(PaymentRef::value).toArray(String[]::new));
        }
        if (!paidAgainst.isEmpty()) {
            jdbc.query("select payment_ref, el_number, amount, stage from payments where el_number = any(?::bpchar[])",
                    keep, (Object) paidAgainst.stream().map(ElNumber::value).toArray(String[]::new));
        }
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
