package io.shuno.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shuno.matching.Fingerprint;
import io.shuno.matching.Inbound;
import io.shuno.matching.RecordPosition;
import io.shuno.reconciliation.Amount;
import io.shuno.reconciliation.Account;
import io.shuno.reconciliation.ElNumber;
import io.shuno.reconciliation.FiscalYear;
import io.shuno.reconciliation.Invoice;
import io.shuno.reconciliation.InvoiceId;
import io.shuno.reconciliation.InvoiceTerms;
import io.shuno.reconciliation.Item;
import io.shuno.reconciliation.LateChargeRates;
import io.shuno.reconciliation.MunicipalityCode;
import io.shuno.reconciliation.PaymentKey;
import io.shuno.reconciliation.PaymentSlip;
import io.shuno.reconciliation.Reconciler;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** Messages read from the schema examples as a source reads them, and invoices to load, for the sources' tests. */
final class SourceFixtures {

    /** No 延滞金 rates: the examples are paid on time. */
    static final Reconciler RECONCILER = new Reconciler(new LateChargeRates(Map.of()));
    static final MunicipalityCode CHIYODA = new MunicipalityCode("131016");

    private static final ObjectMapper JSON = new ObjectMapper();

    private SourceFixtures() {
    }

    /** schemas/examples/valid/{schema}/{example}.json, read by {@code source}, as the pipeline hands it over. */
    static <C> Inbound<C> example(Source<C> source, String example) {
        return message(source, read(Path.of("schemas/examples/valid", source.schemaName(), example + ".json")));
    }

    static <C> Inbound<C> message(Source<C> source, JsonNode document) {
        try {
            return new Inbound<>(source.messageId(document),
                    new Fingerprint(ContentIdentity.of(source.schemaName()).digest(document)),
                    new RecordPosition(source.schemaName(), 0, 0), source.read(new Fields(document)));
        } catch (RejectedRecordException e) {
            throw new IllegalArgumentException("the example is valid", e);
        }
    }

    static JsonNode read(Path path) {
        try {
            return JSON.readTree(path.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An NHI premium of payer {@code payerId} in Chiyoda (where no eL番号 says otherwise), due end of June 2026. */
    static Invoice invoice(String id, Optional<ElNumber> elNumber, long amount, String payerId) {
        return invoice(id, elNumber.map(ElNumber::municipality).orElse(CHIYODA), elNumber, amount, payerId, LocalDate.of(2026, 6, 30));
    }

    /** An NHI premium of payer {@code payerId} in Chiyoda, payable with these keys (slips) only. */
    static Invoice invoicePayableWith(String id, long amount, String payerId, PaymentKey... keys) {
        Invoice invoice = invoice(id, CHIYODA, Optional.empty(), amount, payerId, LocalDate.of(2026, 6, 30));
        return new Invoice(invoice.terms().withSlips(Stream.of(keys).map(PaymentSlip::of).toList()), false,
                Amount.ZERO, Amount.ZERO);
    }

    static Invoice invoice(String id, MunicipalityCode municipality, Optional<ElNumber> elNumber, long amount,
                           String payerId, LocalDate dueDate) {
        return new Invoice(new InvoiceTerms(new InvoiceId(id), municipality, elNumber, Item.NHI_PREMIUM, Account.NHI,
                "01-01-01-01", new FiscalYear(2026), Amount.of(amount), dueDate, payerId, Optional.empty()), false, Amount.ZERO,
                Amount.ZERO);
    }
}
