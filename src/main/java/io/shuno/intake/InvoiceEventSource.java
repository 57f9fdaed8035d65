package io.shuno.intake;

import com.fasterxml.jackson.databind.JsonNode;
import io.shuno.matching.Inbound;
import io.shuno.matching.Needs;
import io.shuno.matching.UnitOfWork;
import io.shuno.reconciliation.Account;
import io.shuno.reconciliation.Amount;
import io.shuno.reconciliation.ConflictingDuplicate;
import io.shuno.reconciliation.ConvenienceBarcode;
import io.shuno.reconciliation.ElNumber;
import io.shuno.reconciliation.FiscalYear;
import io.shuno.reconciliation.InvoiceEvent;
import io.shuno.reconciliation.InvoiceEventType;
import io.shuno.reconciliation.InvoiceId;
import io.shuno.reconciliation.InvoiceTerms;
import io.shuno.reconciliation.Item;
import io.shuno.reconciliation.MunicipalityCode;
import io.shuno.reconciliation.PaymentKey;
import io.shuno.reconciliation.PaymentSlip;
import io.shuno.reconciliation.Reconciler;
import io.shuno.reconciliation.StaffException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The invoice events source: schemas/invoice-event.schema.json */
final class InvoiceEventSource implements Source<InvoiceEvent> {


    @Override
    public String schemaName() {
        return "invoice-event";
    }

    @Override
    public String messageId(JsonNode document) {
        return document.get("eventId").asText();
    }

    @Override
    public InvoiceEvent read(Fields fields) throws RejectedRecordException {
        InvoiceTerms terms = new InvoiceTerms(
                new InvoiceId(fields.text("invoiceId")),
                new MunicipalityCode(fields.text("municipalityCode")),
                fields.optionalText("elNumber").map(ElNumber::new),
                fields.enumeration("item", Item.class),
                fields.enumeration("account", Account.class),
                fields.text("revenueCode"),
                new FiscalYear(fields.integer("fiscalYear")),
                Amount.of(fields.yen("amount")),
                fields.date("dueDate"),
                fields.text("payerId"),
                fields.optionalInt("installment"),
                slips(fields));
        return new InvoiceEvent(fields.text("eventId"), fields.enumeration("type", InvoiceEventType.class), terms,
                fields.dateTime("issuedAt"));
    }

    /**
     * The slips besides {@code elNumber}: the debit request, the コンビニ barcode and every listed key, each once (a
     * key listed twice keeps the first usable-until given). A barcode whose check digit is wrong is an identifier
     * error.
     */
    private static List<PaymentSlip> slips(Fields fields) throws RejectedRecordException {
        List<PaymentSlip> slips = new ArrayList<>();
        Optional<Fields> debit = fields.optionalObject("directDebit");
        if (debit.isPresent()) {
            slips.add(PaymentSlip.of(PaymentKey.directDebit(debit.get().text("customerNumber"),
                    debit.get().date("debitDate"))));
        }
        Optional<String> barcode = fields.optionalText("convenienceBarcode");
        if (barcode.isPresent()) {
            slips.add(PaymentSlip.of(PaymentKey.of(new ConvenienceBarcode(barcode.get()))));
        }
        for (Fields listed : fields.objects("paymentKeys")) {
            PaymentKey key = switch (listed.enumeration("type", PaymentKey.Type.class)) {
                case EL_NUMBER -> PaymentKey.of(new ElNumber(listed.text("elNumber")));
                case CONVENIENCE_BARCODE -> PaymentKey.of(new ConvenienceBarcode(listed.text("barcode")));
                case DIRECT_DEBIT -> PaymentKey.directDebit(listed.text("customerNumber"), listed.date("debitDate"));
            };
            slips.add(new PaymentSlip(key, listed.optionalDate("usableUntil")));
        }
        Map<PaymentKey, PaymentSlip> once = new LinkedHashMap<>();
        slips.forEach(slip -> once.merge(slip.key(), slip, (first, again) ->
                first.usableUntil().isPresent() ? first : again));
        return List.copyOf(once.values());
    }

    /** The invoice and every payment key it names, with their bookings: revenue, suspense and payments against them. */
    @Override
    public void declareNeeds(InvoiceEvent event, Needs needs) {
        needs.invoice(event.terms().id()).invoiceBookings();
        event.terms().paymentKeys().forEach(key -> needs.invoiceWith(event.terms().municipality(), key));
    }

    @Override
    public void decide(Inbound<InvoiceEvent> message, UnitOfWork work, Reconciler reconciler) {
        InvoiceEvent event = message.command();
        work.handled(message, reconciler.onInvoiceEvent(work.ledgerOf(event.terms().id(), event.terms().paymentKeys()),
                event, work), Optional.empty());
    }

    @Override
    public StaffException conflictingDuplicate(InvoiceEvent event, String fingerprint) {
        return ConflictingDuplicate.of(event, fingerprint);
    }
}
