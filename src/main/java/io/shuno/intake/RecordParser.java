package io.shuno.intake;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.shuno.deadletters.RejectionClass;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns a record's bytes into a JSON document, or a rejection that says what is wrong without quoting the content
 * (it may hold personal data) and without relying on what a parser may or may not report (a location, a message).
 * Stricter than JSON parsers are by default, because a payment message has no use for what this refuses: bytes
 * that are not UTF-8 (a parser would guess UTF-16), a key twice in one object (which value counts?), anything after
 * the document, nesting, numbers and strings far beyond what any field of the contract needs.
 */
final class RecordParser {

    /** The contract's messages are flat; extra fields may nest, but not without end. */
    static final int MAX_NESTING_DEPTH = 64;
    /** Long enough for any yen amount and then some; a 1,000-digit number is no amount. */
    static final int MAX_NUMBER_LENGTH = 100;
    /** The longest field of the contract is an eL-QR of 255 characters; extra fields get far more room. */
    static final int MAX_STRING_LENGTH = 64 * 1024;

    private final ObjectMapper json = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_NESTING_DEPTH)
                    .maxNumberLength(MAX_NUMBER_LENGTH)
                    .maxStringLength(MAX_STRING_LENGTH)
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** The JSON document the bytes hold; never null. */
    JsonNode parse(byte[] value) throws RejectedRecordException {
        if (value == null || value.length == 0) {
            throw new RejectedRecordException(RejectionClass.NOT_JSON, "empty record: a JSON object was expected");
        }
        String text = utf8(value);
        JsonNode document;
        try {
            document = json.readTree(text);
        } catch (StreamConstraintsException e) {
            throw new RejectedRecordException(RejectionClass.NOT_JSON, "not a JSON document shuno accepts: "
                    + "it exceeds a limit (nesting deeper than " + MAX_NESTING_DEPTH + ", a number longer than "
                    + MAX_NUMBER_LENGTH + " digits or a string longer than " + MAX_STRING_LENGTH + " characters)");
        } catch (IOException | RuntimeException e) {
            // The parser's message quotes the content; its location is optional. Report neither.
            throw new RejectedRecordException(RejectionClass.NOT_JSON, "not a JSON document (" + problem(e) + ")");
        }
        if (document == null || document.isMissingNode()) {
            throw new RejectedRecordException(RejectionClass.NOT_JSON, "not a JSON document");
        }
        return document;
    }

    /** The parse problem in a few words of shuno's own; a parser message worded otherwise is just "malformed". */
    private static String problem(Exception e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (message.startsWith("Duplicate")) {
            return "a key appears twice in one object";
        }
        if (message.contains("end-of-input")) {
            return "it ends before the document is complete";
        }
        if (message.startsWith("Trailing token")) {
            return "something follows the document";
        }
        if (message.contains("CTRL-CHAR")) {
            return "a control character that is not escaped";
        }
        return "malformed";
    }

    /** Decodes strictly: a malformed or truncated sequence is a rejection naming its byte offset. */
    private static String utf8(byte[] value) throws RejectedRecordException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(value);
        CharBuffer out = CharBuffer.allocate(value.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw new RejectedRecordException(RejectionClass.NOT_JSON,
                    "not valid UTF-8 (byte " + in.position() + " of " + value.length + ")");
        }
        return out.flip().toString();
    }
}
