package io.shuno.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shuno.deadletters.RejectionClass;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FieldsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aCountBeyondAnIntIsRejectedNotTruncated() throws Exception {
        Fields fields = fields("{\"count\": 4294967297, \"small\": 3}");

        assertThat(fields.integer("small")).isEqualTo(3);
        assertThatThrownBy(() -> fields.integer("count")).isInstanceOfSatisfying(RejectedRecordException.class,
                e -> assertThat(e.rejectionClass()).isEqualTo(RejectionClass.SCHEMA_VIOLATION));
    }

    @Test
    void yenBeyondALongIsRejected() throws Exception {
        Fields fields = fields("{\"amount\": 9223372036854775808}");

        assertThatThrownBy(() -> fields.yen("amount")).isInstanceOfSatisfying(RejectedRecordException.class,
                e -> assertThat(e.getMessage()).contains("$.amount"));
    }

    @Test
    void anEscapedControlCharacterInATextFieldIsRejectedWithoutQuotingTheText() throws Exception {
        Fields fields = fields("{\"payerId\": \"P-SECRET\\u0000\", \"ids\": [\"A\", \"B\\u001b\"], \"ok\": \"収納\"}");

        assertThat(fields.text("ok")).isEqualTo("収納");
        assertThatThrownBy(() -> fields.text("payerId")).isInstanceOfSatisfying(RejectedRecordException.class, e -> {
            assertThat(e.rejectionClass()).isEqualTo(RejectionClass.INVALID_PAYLOAD);
            assertThat(e.getMessage()).contains("$.payerId", "U+0000").doesNotContain("SECRET");
        });
        assertThatThrownBy(() -> fields.texts("ids")).isInstanceOf(RejectedRecordException.class);
        assertThatThrownBy(() -> fields.optionalText("payerId")).isInstanceOf(RejectedRecordException.class);
    }

    private static Fields fields(String json) throws Exception {
        JsonNode node = JSON.readTree(json);
        return new Fields(node);
    }
}
