package io.shuno.reconciliation;

import io.shuno.testsupport.ElQrPayloads;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The eL-QR decoder against the primer's CRC vector, the primer's sample slip, and generated payloads. */
class ElQrTest {

    /** The primer's sample: item 127, institution 44000, its case key and confirmation, due 2024-05-31, ¥39,500. */
    private static final String SAMPLE = ElQrPayloads.slip("44000", "00000202401010104348", "778284", "127", 39_500,
            "20240531", "20240710");

    @Test
    void crcOfTheStandardCheckStringIs10673() {
        assertThat(Crc16CcittFalse.of("123456789")).isEqualTo(10673);
        assertThat(ElQrPayloads.crc("123456789")).isEqualTo(10673);
    }

    @Test
    void theSampleSlipDecodesToItsElNumberAmountAndDates() {
        ElQr qr = ElQr.decode(SAMPLE);

        assertThat(SAMPLE).hasSize(255);
        assertThat(qr.elNumber()).isEqualTo(ElNumber.of("44000", "00000202401010104348", "778284", "127"));
        assertThat(qr.elNumber().itemCode()).isEqualTo("127");
        assertThat(qr.elNumber().municipality().institutionCode()).isEqualTo("44000");
        assertThat(qr.slipAmount()).isEqualTo(39_500);
        assertThat(qr.dueDate()).isEqualTo(LocalDate.of(2024, 5, 31));
        assertThat(qr.usableUntil()).isEqualTo(LocalDate.of(2024, 7, 10));
    }

    @Test
    void aSingleChangedCharacterIsCaughtByTheCrc() {
        String tampered = SAMPLE.substring(0, 120) + (SAMPLE.charAt(120) == '1' ? '2' : '1') + SAMPLE.substring(121);

        assertThatThrownBy(() -> ElQr.decode(tampered)).isInstanceOf(InvalidElQrException.class)
                .hasMessageContaining("CRC mismatch");
    }

    @Test
    void aWrongLayoutIsNamedEvenWhenTheCrcWasRecomputed() {
        String body = SAMPLE.substring(0, 250).replaceFirst("^0002", "0102");
        String relabelled = body + String.format("%05d", ElQrPayloads.crc(body));

        assertThatThrownBy(() -> ElQr.decode(relabelled)).isInstanceOf(InvalidElQrException.class)
                .hasMessageContaining("tag 00");
        assertThatThrownBy(() -> ElQr.decode(SAMPLE.substring(1))).hasMessageContaining("255 characters");
    }

    @Test
    void generatedSlipsDecodeToWhatTheyWereMadeOf() {
        Random random = new Random(255);
        for (int i = 0; i < 500; i++) {
            String institution = String.format("%05d", random.nextInt(100_000));
            String caseKey = String.format("%010d%010d", random.nextInt(1_000_000_000), random.nextInt(1_000_000_000));
            String confirmation = String.format("%06d", random.nextInt(1_000_000));
            String item = String.format("%03d", random.nextInt(1_000));
            long amount = 1 + random.nextInt(10_000_000);
            String payload = ElQrPayloads.slip(institution, caseKey, confirmation, item, amount, "20261231", "20270131");

            ElQr qr = ElQr.decode(payload);

            assertThat(qr.elNumber().value()).as("case %d", i).isEqualTo(institution + caseKey + confirmation + item);
            assertThat(qr.slipAmount()).isEqualTo(amount);
        }
    }
}
