package io.shuno.intake;

import io.shuno.deadletters.RejectionClass;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecordParserTest {

    private final RecordParser parser = new RecordParser();

    @Test
    void aDocumentNestedDeeperThanTheParserAllowsIsRejectedWithAReasonNotANullPointer() {
        String deep = "[".repeat(5_000) + "]".repeat(5_000);

        assertRejected(deep.getBytes(StandardCharsets.UTF_8), "exceeds a limit");
    }

    @Test
    void parseErrorsSayWhatIsWrongWithoutQuotingTheContent() {
        assertRejected(bytes("{\"payerId\": \"P-SECRET-1\", \"amount\": "), "ends before the document is complete");
        assertRejected(bytes("{\"payerId\": \"P-SECRET-1\", \"payerId\": \"P-SECRET-2\"}"), "a key appears twice");
        assertRejected(bytes("{\"payerId\": \"P-SECRET-1\"} {\"x\": 1}"), "something follows the document");
        assertRejected(bytes("{\"payerId\": \"P-SECRET-1\u0001\"}"), "control character");
        assertRejected(bytes("{\"payerId\": P-SECRET-1}"), "malformed");
    }

    @Test
    void bytesThatAreNotUtf8AreRejectedEvenWhereAParserWouldGuessAnotherEncoding() {
        assertRejected(new byte[]{'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'}, "not valid UTF-8 (byte 6");
        assertRejected("{\"a\": 1}".getBytes(StandardCharsets.UTF_16), "not valid UTF-8");
        assertRejected(new byte[]{'{', '"', 'a', '"', ':', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '}'},
                "not valid UTF-8");
    }

    @Test
    void numbersAndStringsBeyondTheLimitsAreRejected() {
        assertRejected(bytes("{\"amount\": " + "9".repeat(RecordParser.MAX_NUMBER_LENGTH + 1) + "}"), "exceeds a limit");
        assertRejected(bytes("{\"note\": \"" + "x".repeat(RecordParser.MAX_STRING_LENGTH * 2) + "\"}"), "exceeds a limit");
    }

    @Test
    void emptyAndNonJsonRecordsAreRejectedAndAValidOneIsRead() throws RejectedRecordException {
        assertRejected(new byte[0], "empty record");
        assertRejected(null, "empty record");
        assertRejected(bytes("   "), "not a JSON document");

        assertThat(parser.parse(bytes("{\"amount\": 99999999999999999999}")).get("amount").canConvertToLong()).isFalse();
        assertThat(parser.parse(bytes("{\"noticeId\": \"N-1\", \"名前\": \"収納\"}")).get("noticeId").asText()).isEqualTo("N-1");
    }

    private void assertRejected(byte[] value, String reason) {
        assertThatThrownBy(() -> parser.parse(value))
                .isInstanceOfSatisfying(RejectedRecordException.class, e -> {
                    assertThat(e.rejectionClass()).isEqualTo(RejectionClass.NOT_JSON);
                    assertThat(e.getMessage()).contains(reason).doesNotContain("SECRET");
                });
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
