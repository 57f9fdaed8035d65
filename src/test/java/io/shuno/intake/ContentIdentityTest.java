package io.shuno.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shuno.matching.Fingerprint;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The inbox keeps these identities for good: a change here would make every redelivery after an upgrade look like
 * a conflict. The golden values are pinned, not recomputed.
 */
class ContentIdentityTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ContentIdentity NOTICES = ContentIdentity.of("eltax-notice");
    private static final String NOTICE = """
            {"noticeId":"N-1","paymentId":"PAY-1","stage":"CONFIRMED",
             "elNumber":"1310100000000000000000001778284127","amount":12000,
             "paidAt":"2026-06-20T10:15:00+09:00","channel":"SMARTPHONE_APP"}""";

    @Test
    void theCanonicalFormAndItsDigestArePinned() throws Exception {
        assertThat(NOTICES.canonicalForm(read(NOTICE))).isEqualTo("{\"amount\":12000,\"channel\":\"SMARTPHONE_APP\","
                + "\"elNumber\":\"1310100000000000000000001778284127\",\"noticeId\":\"N-1\","
                + "\"paidAt\":\"2026-06-20T01:15:00Z\",\"paymentId\":\"PAY-1\",\"stage\":\"CONFIRMED\"}");
        assertThat(NOTICES.digest(read(NOTICE))).isEqualTo("c992fd3af93406b86b4e0054917bacc8809a04a5aa64960b54ad7c5e1a30f573");
    }

    @Test
    void nestedObjectsArraysAndUnicodeHaveAPinnedCanonicalForm() throws Exception {
        ContentIdentity invoices = ContentIdentity.of("invoice-event");
        String event = """
                {"eventId":"E-1","type":"ISSUED","invoiceId":"NHI-1","municipalityCode":"131016","item":"NHI_PREMIUM",
                 "account":"NHI","revenueCode":"01-01","fiscalYear":2026,"amount":1.2E4,"dueDate":"2026-07-31",
                 "payerId":"P-\\u0041\\u030a","issuedAt":"2026-06-01T09:00:00.5+09:00","installment":1,
                 "directDebit":{"requested":true,"customerNumber":"00000000000000012345","note":null,"rate":2.50},
                 "paymentKeys":[{"value":"X","type":"EL_NUMBER","usableUntil":null},{"type":"CONVENIENCE_BARCODE",
                 "value":"\\u00c5\\"\\\\\\t"}, null, [1, 2.0, false]]}""";
        assertThat(invoices.canonicalForm(read(event))).isEqualTo("""
                {"account":"NHI","amount":12000,"directDebit":{"customerNumber":"00000000000000012345","rate":2.5,\
                "requested":true},"dueDate":"2026-07-31","eventId":"E-1","fiscalYear":2026,"installment":1,\
                "invoiceId":"NHI-1","issuedAt":"2026-06-01T00:00:00.500Z","item":"NHI_PREMIUM",\
                "municipalityCode":"131016","payerId":"P-\u00c5","paymentKeys":[{"type":"EL_NUMBER","value":"X"},\
                {"type":"CONVENIENCE_BARCODE","value":"\u00c5\\"\\\\\\t"},null,[1,2,false]],"revenueCode":"01-01",\
                "type":"ISSUED"}""");
        assertThat(invoices.digest(read(event))).isEqualTo(
                "1843d79f99ee2f1fbb887d917ac4a22e8c39b50ee3e40adec28c05328ff5d1b6");
    }

    @Test
    void spellingsOfTheSameContentHaveOneIdentity() throws Exception {
        String identity = NOTICES.digest(read(NOTICE));
        assertThat(NOTICES.digest(read("""
                {
                  "channel" : "SMARTPHONE_APP",
                  "paidAt" : "2026-06-20T01:15:00Z",
                  "amount" : 12000.0,
                  "transferDate" : null,
                  "stage" : "CONFIRMED",
                  "gatewayTraceId" : "ignored-by-shuno",
                  "elNumber" : "1310100000000000000000001778284127",
                  "paymentId" : "PAY-1",
                  "noticeId" : "N-1"
                }"""))).as("whitespace, key order, a number's spelling, an extra field, null, the offset")
                .isEqualTo(identity);
    }

    @Test
    void differentContentHasADifferentIdentity() throws Exception {
        String identity = NOTICES.digest(read(NOTICE));
        assertThat(NOTICES.digest(read(NOTICE.replace("12000", "12001")))).isNotEqualTo(identity);
        assertThat(NOTICES.digest(read(NOTICE.replace("CONFIRMED", "CANCELLED")))).isNotEqualTo(identity);
        assertThat(NOTICES.digest(read(NOTICE.replace("10:15:00+09", "10:15:00+08")))).isNotEqualTo(identity);
        assertThat(NOTICES.digest(read(NOTICE.replace("}", ",\"transferDate\":\"2026-06-25\"}"))))
                .isNotEqualTo(identity);
    }

    @Test
    void arraysKeepTheirOrderAndOnlyContractFieldsCountInEverySchema() throws Exception {
        ContentIdentity sales = ContentIdentity.of("terminal-transaction");
        String sale = """
                {"transactionId":"T-1","type":"SALE","terminalId":"TERM-01","municipalityCode":"131016",
                 "brand":"VISA","amount":3000,"occurredAt":"2026-06-20T10:30:00+09:00","invoiceIds":["A","B"]}""";
        String identity = sales.digest(read(sale));
        assertThat(sales.digest(read(sale.replace("[\"A\",\"B\"]", "[\"B\",\"A\"]")))).isNotEqualTo(identity);
        assertThat(sales.digest(read(sale.replace("}", ",\"cashier\":\"X\"}")))).isEqualTo(identity);
        assertThat(sales.canonicalForm(read(sale))).startsWith("{\"amount\":3000,\"brand\":\"VISA\",\"invoiceIds\":[\"A\",\"B\"]");
    }

    @Test
    void theFileARowWasReadFromIsProvenanceNotContent() throws Exception {
        ContentIdentity notices = ContentIdentity.of("convenience-store-notice");
        String row = """
                {"noticeId":"cvs:n1:01","paymentId":"cvs:p1","stage":"PRELIMINARY","municipalityCode":"131016",
                 "barcode":"91942386178953917853935692730103073110312903","paidAt":"2026-06-14T19:42:00+09:00",
                 "amount":31290,"chainCode":"820","storeCode":"123456","createdOn":"2026-06-15",
                 "file":{"name":"SOKUHO_20260615.csv","contentHash":"%s","recordNumber":%d,
                         "receivedAt":"2026-06-15T06:00:00+09:00"}}""";
        String identity = notices.digest(read(row.formatted("a".repeat(64), 1)));
        assertThat(notices.digest(read(row.formatted("b".repeat(64), 7).replace("SOKUHO_20260615", "KAKUHO_0622"))))
                .as("the same row in another file").isEqualTo(identity);
        assertThat(notices.canonicalForm(read(row.formatted("a".repeat(64), 1)))).doesNotContain("file", "SOKUHO");
        assertThat(notices.digest(read(row.formatted("a".repeat(64), 1).replace("31290", "31291"))))
                .as("what the row says").isNotEqualTo(identity);

        ContentIdentity results = ContentIdentity.of("direct-debit-result");
        String result = """
                {"resultId":"r1","municipalityCode":"131016","consignorCode":"1234567890",
                 "customerNumber":"00000000000000012345","debitDate":"2026-06-25","amount":3100,"resultCode":"0",
                 "result":"DEBITED","bankCode":"0005","branchCode":"123",
                 "file":{"name":"%s","contentHash":"%s","recordNumber":2,"receivedAt":"2026-06-26T09:00:00+09:00"}}""";
        assertThat(results.digest(read(result.formatted("FURIKAE.txt", "c".repeat(64)))))
                .as("the same bytes renamed").isEqualTo(results.digest(read(result.formatted("FURIKAE-2.txt",
                        "c".repeat(64)))));
    }

    @Test
    void theDigestOfRecordTextIsWhatTheInboxKeptBeforeCanonicalContent() throws Exception {
        // SHA-256 of the EltaxNotice record's text, as shuno wrote it to the inbox before version 2: inbox rows of
        // version 1 are compared with this, so the record must keep its fields while such rows may be redelivered.
        assertThat(Fingerprint.digestOfRecordText(new EltaxNoticeSource().read(new Fields(read(NOTICE)))))
                .isEqualTo("8f43c935c9fd3196fd2509ad4a4c62304faf09f3cf28ae8c4fc7c93522f2ccea");
    }

    private static JsonNode read(String json) throws Exception {
        return JSON.readTree(json);
    }
}
