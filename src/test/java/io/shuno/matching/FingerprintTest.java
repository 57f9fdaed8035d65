package io.shuno.matching;

import io.shuno.reconciliation.Account;
import io.shuno.reconciliation.Amount;
import io.shuno.reconciliation.FiscalYear;
import io.shuno.reconciliation.InvoiceEvent;
import io.shuno.reconciliation.InvoiceEventType;
import io.shuno.reconciliation.InvoiceId;
import io.shuno.reconciliation.InvoiceTerms;
import io.shuno.reconciliation.Item;
import io.shuno.reconciliation.MunicipalityCode;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class FingerprintTest {

    /**
     * The digest shuno 4be1a83 kept in the inbox (version 1) for this ISSUED event: the text of its record then, before
     * invoice terms listed their slips. A redelivery of it must still be recognised, not refused as a conflict.
     */
    private static final String KEPT_BEFORE_SLIPS = "e6b9e6949b9415c02691a080303094f7bc7aff1da0c3ffe9ba1241ae9eb00716";

    @Test
    void anInvoiceEventHandledBeforeSlipsIsRecognisedByTheDigestKeptThen() {
        InvoiceEvent issued = new InvoiceEvent("EV-1", InvoiceEventType.ISSUED, new InvoiceTerms(
                new InvoiceId("NHI-2026-0001"), new MunicipalityCode("131016"), Optional.empty(), Item.NHI_PREMIUM,
                Account.NHI, "01-01-01-01", new FiscalYear(2026), Amount.of(39_500), LocalDate.of(2026, 7, 31), "P-1",
                Optional.of(1)), OffsetDateTime.parse("2026-06-15T09:00:00+09:00"));

        assertThat(Fingerprint.digestOfRecordText(issued)).isEqualTo(KEPT_BEFORE_SLIPS);
    }
}
