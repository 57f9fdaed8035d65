package io.shuno;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class ShunoApplicationHelpTest {

    @Test
    void helpPrintsUsageInsteadOfStartingTheService() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream out = System.out;
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            ShunoApplication.main(new String[] {"--help"});
        } finally {
            System.setOut(out);
        }
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .startsWith("shuno: public-payment collection")
                .contains("Usage: java -jar shuno.jar", "SHUNO_KAFKA_BROKERS", "SHUNO_DB_URL", "SHUNO_WORK_DIR");
    }
}
