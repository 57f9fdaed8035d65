package io.shuno.operations;

import io.shuno.testsupport.TestPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import javax.sql.DataSource;
import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database of the release before refunds booked, migrated: an NHI premium paid twice on 2024-06-20, the double
 * payment raised on 2024-06-25 when eLTAX confirmed it and refunded outside shuno on 2024-07-01.
 */
class RefundClaimsMigrationTest {

    private final DataSource database = new DriverManagerDataSource(TestPostgres.newDatabase(), "postgres", "");
    private final JdbcTemplate jdbc = new JdbcTemplate(database);
    private final UUID doublePayment = UUID.randomUUID();
    private final UUID refund = UUID.randomUUID();

    @BeforeEach
    void aDoublePaymentRefundedBeforeRefundsBooked() {
        migrateTo("13");
        jdbc.update("""
                insert into invoices (invoice_id, municipality_code, item, account, revenue_code, fiscal_year, amount,
                                      due_date, payer_id, status)
                values ('OLD-INV', '131016', 'NHI_PREMIUM', 'NHI', '01-01', 2024, 5000, '2024-06-30', 'P-OLD', 'PAID')""");
        jdbc.update("""
                insert into settlements (settlement_id, kind, municipality_code, payment_ref, invoice_id, amount,
                                         account, fiscal_year, year_class, received_on, channel, cause)
                values (?, 'OVERPAYMENT', '131016', 'eltax:OLD-PAY2', 'OLD-INV', 5000, 'NHI', 2024, 'CURRENT',
                        '2024-06-20', 'ELTAX', 'notice:OLD-N2')""", UUID.randomUUID());
        exception(doublePayment, "DOUBLE_PAYMENT", "eltax:OLD-PAY2", "RESOLVED");
        jdbc.update("""
                insert into exception_resolutions (resolution_id, exception_id, action, amount, refund_reference,
                                                   comment, resolved_by, resolved_at)
                values (?, ?, 'REFUND', 5000, 'KANPU-OLD', '口座振込', 'treasurer', '2024-07-01T10:00:00+09:00')""",
                refund, doublePayment);
    }

    @Test
    void aRefundPaidOutsideShunoBeforeIsOnNoPayoutList() {
        migrateTo("14");

        // The payout list of a day reads the decisions booked on it: one without a booking date is on none.
        assertThat(jdbc.queryForObject("select decided_on from exception_resolutions where resolution_id = ?",
                LocalDate.class, refund)).isNull();
        assertThat(jdbc.queryForObject("select count(*) from exception_resolutions where decided_on is not null",
                Long.class)).isZero();
    }

    @Test
    void anOldErroneousPaymentLapsesCountedFromItsPaymentAndAReductionFromTheDayItWasRaised() {
        UUID reduced = UUID.randomUUID();
        exception(reduced, "AMOUNT_REDUCED_AFTER_PAYMENT", "eltax:OLD-PAY1", "OPEN");

        migrateTo("14");

        assertThat(lapsesOn(doublePayment)).isEqualTo(LocalDate.of(2026, 6, 20));
        assertThat(lapsesOn(reduced)).isEqualTo(LocalDate.of(2026, 6, 25));
    }

    private void exception(UUID id, String reason, String paymentRef, String status) {
        jdbc.update("""
                insert into staff_exceptions (exception_id, reason, status, municipality_code, payment_ref, invoice_id,
                                              amount, suggested_action, detail, raised_at)
                values (?, ?, ?, '131016', ?, 'OLD-INV', 5000, 'REFUND', '過誤納金', '2024-06-25T09:00:00+09:00')""",
                id, reason, status, paymentRef);
    }

    private LocalDate lapsesOn(UUID exception) {
        return jdbc.queryForObject("select refund_lapses_on from staff_exceptions where exception_id = ?",
                LocalDate.class, exception);
    }

    private void migrateTo(String version) {
        Flyway.configure().dataSource(database).target(version).load().migrate();
    }
}
