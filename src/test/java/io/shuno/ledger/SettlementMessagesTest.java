package io.shuno.ledger;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.shuno.reconciliation.Account;
import io.shuno.reconciliation.Amount;
import io.shuno.reconciliation.BookingYear;
import io.shuno.reconciliation.Channel;
import io.shuno.reconciliation.FiscalYear;
import io.shuno.reconciliation.InvoiceId;
import io.shuno.reconciliation.MunicipalityCode;
import io.shuno.reconciliation.PaymentRef;
import io.shuno.reconciliation.Settlement;
import io.shuno.reconciliation.SettlementKind;
import io.shuno.reconciliation.StoreReceipt;
import io.shuno.reconciliation.YearClass;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The settlement message byte for byte: consumers and their tests compare what they receive. */
class SettlementMessagesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final OffsetDateTime RECORDED_AT = OffsetDateTime.parse("2026-11-30T10:02:03.123456+09:00");

    @Test
    void aConvenienceStoreRevenueCarriesItsStoreAndItsLinesInContractOrder() {
        Settlement revenue = new Settlement("6f1c2b7e-0d4a-4f7e-9a51-3c2d1e0f9b8a", SettlementKind.REVENUE,
                Optional.empty(), new MunicipalityCode("131016"), new PaymentRef("cvs:7F3A-01"),
                Optional.of(new InvoiceId("INV-1")), Amount.of(12_000), Account.GENERAL, Optional.of("01-01"),
                new BookingYear(new FiscalYear(2026), YearClass.CURRENT), LocalDate.of(2026, 11, 27),
                Channel.CONVENIENCE_STORE, "コンビニ 確報 \"02\"",
                Optional.of(new StoreReceipt("931", Optional.of(LocalDate.of(2026, 12, 1)))));

        assertThat(text(revenue, null)).isEqualTo("""
                {"settlementId":"6f1c2b7e-0d4a-4f7e-9a51-3c2d1e0f9b8a","kind":"REVENUE","municipalityCode":"131016",\
                "paymentRef":"cvs:7F3A-01","invoiceId":"INV-1","amount":12000,"account":"GENERAL","revenueCode":"01-01",\
                "fiscalYear":2026,"yearClass":"CURRENT","receivedOn":"2026-11-27","channel":"CONVENIENCE_STORE",\
                "convenienceStoreChain":"931","transferDate":"2026-12-01","entries":[\
                {"side":"DEBIT","ledgerAccount":"RECEIPTS_IN_TRANSIT:CVS","amount":12000},\
                {"side":"CREDIT","ledgerAccount":"REVENUE:GENERAL:01-01","amount":12000}],\
                "cause":"コンビニ 確報 \\"02\\"","occurredAt":"2026-11-30T10:02:03.123456+09:00"}""");
    }

    @Test
    void aReversalNamesWhatItReversesAndMirrorsItsLines() {
        Settlement suspense = new Settlement("0b9e8d7c-6b5a-4f3e-8d2c-1b0a9f8e7d6c", SettlementKind.SUSPENSE,
                Optional.empty(), new MunicipalityCode("131016"), new PaymentRef("eltax:PAY-9"), Optional.empty(),
                Amount.of(500), Account.GENERAL, Optional.empty(), new BookingYear(new FiscalYear(2026),
                YearClass.ARREARS), LocalDate.of(2026, 5, 30), Channel.BANK_COUNTER, "unknown");
        Settlement reversal = new Settlement("9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d", SettlementKind.REVERSAL,
                Optional.of(suspense.settlementId()), suspense.municipality(), suspense.paymentRef(),
                Optional.empty(), suspense.amount(), Account.GENERAL, Optional.empty(), suspense.bookingYear(),
                suspense.receivedOn(), suspense.channel(), "matched");

        assertThat(text(reversal, suspense)).isEqualTo("""
                {"settlementId":"9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d","kind":"REVERSAL",\
                "reverses":"0b9e8d7c-6b5a-4f3e-8d2c-1b0a9f8e7d6c","municipalityCode":"131016",\
                "paymentRef":"eltax:PAY-9","amount":500,"account":"GENERAL","fiscalYear":2026,"yearClass":"ARREARS",\
                "receivedOn":"2026-05-30","channel":"BANK_COUNTER","entries":[\
                {"side":"CREDIT","ledgerAccount":"RECEIPTS_IN_TRANSIT:ELTAX","amount":500},\
                {"side":"DEBIT","ledgerAccount":"SUSPENSE_RECEIPTS","amount":500}],\
                "cause":"matched","occurredAt":"2026-11-30T10:02:03.123456+09:00"}""");
    }

    private static String text(Settlement settlement, Settlement reversed) {
        return new String(SettlementMessages.toJson(JSON, settlement, DoubleEntry.of(settlement, reversed),
                RECORDED_AT), StandardCharsets.UTF_8);
    }
}
