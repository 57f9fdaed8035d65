package io.shuno.operations;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Search: the full story of one invoice found by its invoiceId, its eL番号 or a payment's reference. */
@Component
public class InvoiceStories {

    private final JdbcTemplate jdbc;

    InvoiceStories(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public InvoiceStory ofInvoice(String invoiceId, Actor actor) {
        InvoiceStory.Invoice invoice = invoices("invoice_id = ?", invoiceId).stream().findFirst()
                .orElseThrow(() -> OperationFailure.notFound("invoice " + invoiceId));
        return story(Optional.of(invoice), Optional.ofNullable(invoice.elNumber()), Set.of(), actor);
    }

    public InvoiceStory ofElNumber(String elNumber, Actor actor) {
        return story(invoices("el_number = ?", elNumber).stream().findFirst(), Optional.of(elNumber), Set.of(), actor);
    }

    public InvoiceStory ofPayment(String paymentRef, Actor actor) {
        Optional<String> elNumber = jdbc.queryForList("select el_number from payments where payment_ref = ?",
                String.class, paymentRef).stream().findFirst();
        // The payment's eL番号 names its invoice, unless it was mistyped and staff matched the payment by hand.
        Optional<InvoiceStory.Invoice> invoice = elNumber.flatMap(el -> invoices("el_number = ?", el).stream()
                .findFirst()).or(() -> invoices("""
                invoice_id = (select invoice_id from settlements where payment_ref = ? and invoice_id is not null
                              order by booked_seq desc limit 1)""", paymentRef).stream().findFirst());
        return story(invoice, elNumber, Set.of(paymentRef), actor);
    }

    private InvoiceStory story(Optional<InvoiceStory.Invoice> invoice, Optional<String> elNumber,
                               Set<String> knownPayments, Actor actor) {
        String invoiceId = invoice.map(InvoiceStory.Invoice::invoiceId).orElse(null);
        List<InvoiceStory.Payment> payments = jdbc.query("""
                select payment_ref, el_number, amount, stage, updated_at from payments
                where el_number = ? or payment_ref = any(?) order by updated_at""", (row, n) ->
                new InvoiceStory.Payment(row.getString(1), row.getString(2), row.getLong(3), row.getString(4),
                        row.getObject(5, OffsetDateTime.class)), elNumber.orElse(null),
                knownPayments.toArray(String[]::new));
        Set<String> refs = new LinkedHashSet<>(knownPayments);
        payments.forEach(payment -> refs.add(payment.paymentRef()));
        String[] paymentRefs = refs.toArray(String[]::new);
        List<InvoiceStory.Settlement> settlements = jdbc.query("""
                select settlement_id, kind, reverses, municipality_code, payment_ref, invoice_id, amount, account,
                       revenue_code, fiscal_year, year_class, received_on, channel, cause, recorded_at
                from settlements where invoice_id = ? or payment_ref = any(?) order by booked_seq""", (row, n) ->
                new InvoiceStory.Settlement(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                        row.getString(5), row.getString(6), row.getLong(7), row.getString(8), row.getString(9),
                        row.getInt(10), row.getString(11), row.getDate(12).toLocalDate(), row.getString(13),
                        row.getString(14), row.getObject(15, OffsetDateTime.class)), invoiceId, paymentRefs);
        String ofThisStory = " from staff_exceptions e where e.invoice_id = ? or e.payment_ref = any(?)";
        List<ExceptionView> exceptions = jdbc.query("select " + ExceptionStore.COLUMNS + ofThisStory
                + " order by e.raised_at, e.exception_id", (row, n) -> ExceptionStore.map(row), invoiceId, paymentRefs);
        List<ResolutionView> resolutions = jdbc.query("select " + ExceptionStore.RESOLUTION_COLUMNS
                + " from exception_resolutions where exception_id in (select e.exception_id" + ofThisStory
                + ") order by resolved_at", (row, n) -> ExceptionStore.mapResolution(row), invoiceId, paymentRefs);
        if (invoice.isEmpty() && payments.isEmpty() && settlements.isEmpty()) {
            throw new OperationFailure(OperationFailure.Why.NOT_FOUND, "no invoice, payment or settlement matches");
        }
        Set<String> municipalities = new LinkedHashSet<>();
        invoice.ifPresent(i -> municipalities.add(i.municipalityCode()));
        settlements.forEach(s -> municipalities.add(s.municipalityCode()));
        municipalities.forEach(code -> actor.mustCover(Optional.of(code)));
        return new InvoiceStory(invoice.orElse(null), payments, settlements, exceptions, resolutions);
    }

    private List<InvoiceStory.Invoice> invoices(String condition, String value) {
        return jdbc.query("""
                select invoice_id, municipality_code, el_number, item, account, revenue_code, fiscal_year, amount,
                       due_date, payer_id, installment, status, settled_revenue, announced, cancelled
                from invoices where\s""" + condition, (row, n) -> invoice(row), value);
    }

    private static InvoiceStory.Invoice invoice(ResultSet row) throws SQLException {
        return new InvoiceStory.Invoice(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                row.getString(5), row.getString(6), row.getInt(7), row.getLong(8), row.getDate(9).toLocalDate(),
                row.getString(10), row.getObject(11, Integer.class), row.getString(12), row.getLong(13),
                row.getLong(14), row.getBoolean(15));
    }
}
