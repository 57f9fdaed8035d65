package io.shuno.intake;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.shuno.deadletters.DeadLetters;
import io.shuno.matching.BatchStore;
import io.shuno.matching.Inbound;
import io.shuno.matching.Needs;
import io.shuno.matching.UnitOfWork;
import io.shuno.platform.ShunoProperties;
import io.shuno.reconciliation.Amount;
import io.shuno.reconciliation.ConflictingDuplicate;
import io.shuno.reconciliation.EltaxNotice;
import io.shuno.reconciliation.MunicipalityCode;
import io.shuno.reconciliation.Outcome;
import io.shuno.reconciliation.Reconciler;
import io.shuno.reconciliation.StaffException;
import io.shuno.testsupport.TestPostgres;
import org.apache.camel.Exchange;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.annotation.EnableTransactionManagement;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pipeline with a probe for a source, on real PostgreSQL (no Kafka: records are handed to it as the route
 * would): what it does for every source — dead letters, the inbox, locks, loading before deciding, bisection.
 */
class BatchPipelineTest {

    private static final String EL_NUMBER = "4420100000202604150002291310045128";
    private static final String TOPIC = "shuno.eltax-notices";

    /** Just what the pipeline needs of the application: its stores and journals, on a migrated database. */
    @Configuration
    @EnableTransactionManagement
    @ComponentScan(basePackages = {"io.shuno.matching", "io.shuno.ledger", "io.shuno.intake", "io.shuno.exceptions",
            "io.shuno.deadletters"}, useDefaultFilters = false,
            includeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = "io\\.shuno\\.(matching\\."
                    + "(BatchStore|ReconciliationLocks|Inbox|InvoiceStore|PaymentStore|SaleStore"
                    + "|AcquirerStatementStore)|ledger\\.(Outbox|SettlementJournal|SettlementHistory)"
                    + "|exceptions\\.ExceptionJournal|deadletters\\.DeadLetters|intake\\.SchemaCatalog)"))
    static class TheApplicationsStores {

        @Bean
        DataSource dataSource() {
            DataSource database = new DriverManagerDataSource(TestPostgres.newDatabase(), "postgres", "");
            Flyway.configure().dataSource(database).load().migrate();
            return database;
        }

        @Bean
        JdbcTemplate jdbcTemplate(DataSource dataSource) {
            return new JdbcTemplate(dataSource);
        }

        @Bean
        DataSourceTransactionManager transactionManager(DataSource dataSource) {
            return new DataSourceTransactionManager(dataSource);
        }

        @Bean
        TransactionTemplate transactionTemplate(DataSourceTransactionManager transactionManager) {
            return new TransactionTemplate(transactionManager);
        }

        @Bean
        ObjectMapper objectMapper() {
            return new ObjectMapper().findAndRegisterModules();
        }

        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }

        @Bean
        ShunoProperties shunoProperties() {
            return new ShunoProperties(new ShunoProperties.Topics("shuno.invoice-events", TOPIC,
                    "shuno.terminal-transactions", "shuno.acquirer-statements", "shuno.settlements",
                    "shuno.exceptions", "shuno.dead-letters", "shuno.direct-debit-results",
                    "shuno.convenience-store-notices"), new ShunoProperties.Kafka("localhost:9092", 1,
                    (short) 1, "shuno"));
        }
    }

    private static final AnnotationConfigApplicationContext parts = new AnnotationConfigApplicationContext(
            TheApplicationsStores.class);
    private static final DefaultCamelContext camel = new DefaultCamelContext();

    private final JdbcTemplate jdbc = parts.getBean(JdbcTemplate.class);
    private final Probe probe = new Probe(jdbc);
    private final BatchPipeline<EltaxNotice> pipeline = new BatchPipeline<>(probe, new PipelineParts(
            parts.getBean(SchemaCatalog.class), parts.getBean(TransactionTemplate.class),
            parts.getBean(DeadLetters.class), parts.getBean(BatchStore.class), SourceFixtures.RECONCILER));
    private long offset;

    @AfterAll
    static void close() {
        parts.close();
    }

    @BeforeEach
    void anInvoiceForTheProbesELNumberAndAnotherOpenOneOfItsPayer() {
        jdbc.update("truncate invoices, invoice_payment_keys, inbox, dead_letters, staff_exceptions, outbox cascade");
        jdbc.update("""
                insert into invoices (invoice_id, municipality_code, el_number, item, account, revenue_code,
                                      fiscal_year, amount, due_date, payer_id, status)
                values ('INV-1', '442011', ?, 'NHI_PREMIUM', 'NHI', '01-01', 2026, 28000, '2026-06-30', 'P-1', 'OPEN'),
                       ('INV-2', '442011', null, 'NHI_PREMIUM', 'NHI', '01-01', 2026, 9000, '2026-07-31', 'P-1',
                        'OPEN')""", EL_NUMBER);
        jdbc.update("""
                insert into invoice_payment_keys (municipality_code, key_type, key_value, invoice_id)
                values ('442011', 'EL_NUMBER', ?, 'INV-1')""", EL_NUMBER);
    }

    @Test
    void theStateIsLockedAndLoadedBeforeTheFirstDecisionAndWrittenOnce() {
        pipeline.accept(List.of(notice("N-1", 28000), notice("N-2", 28000)));

        assertThat(probe.decided).containsExactly("N-1", "N-2");
        // Both notices named the same eL番号, which names the invoice: one lock, the invoice's, held while deciding.
        assertThat(probe.advisoryLocksHeld).containsOnly(1L);
        assertThat(probe.invoiceSeen).containsOnly(true);
        assertThat(inbox()).containsExactlyInAnyOrder("N-1", "N-2");
    }

    @Test
    void aMessageHandledBeforeIsSkippedAndOneWithOtherContentIsShownToStaff() {
        pipeline.accept(List.of(notice("N-1", 28000)));
        probe.decided.clear();

        pipeline.accept(List.of(notice("N-1", 28000), notice("N-1", 27000), notice("N-3", 28000)));

        assertThat(probe.decided).containsExactly("N-3");
        assertThat(jdbc.queryForList("select reason from staff_exceptions", String.class))
                .containsExactly("CONFLICTING_DUPLICATE");
        assertThat(inbox()).containsExactlyInAnyOrder("N-1", "N-3");
    }

    @Test
    void aRecordThatCannotBeReadIsDeadLetteredAndTheOthersAreApplied() {
        pipeline.accept(List.of(record("{\"noticeId\": \"N-BAD\"}"), notice("N-1", 28000)));

        assertThat(deadLetters()).containsExactly("SCHEMA_VIOLATION");
        assertThat(inbox()).containsExactly("N-1");
    }

    @Test
    void aRecordWhoseDecisionFailsIsIsolatedAndTheRestOfTheBatchApplied() {
        pipeline.accept(List.of(notice("N-1", 28000), notice("N-2", 28000), notice("N-FAILS", Probe.FAILING_AMOUNT),
                notice("N-4", 28000), notice("N-5", 28000)));

        assertThat(deadLetters()).containsExactly("APPLY_FAILED");
        assertThat(inbox()).containsExactlyInAnyOrder("N-1", "N-2", "N-4", "N-5");
    }

    @Test
    void aPayersOpenInvoicesAreLoadedInBulkOnlyWhenADecisionAsksAndTheBatchIsDecidedAgainWithThem() {
        pipeline.accept(List.of(notice("N-1", 28000)));
        assertThat(probe.passes).isEqualTo(1);

        probe.asksForAdvice = true;
        pipeline.accept(List.of(notice("N-2", 28000), notice("N-3", 28000)));

        // The first pass asked and was dropped; the second saw the payer's other open invoice, read for advice.
        assertThat(probe.passes).isEqualTo(3);
        assertThat(probe.payerInvoicesSeen).endsWith(List.of("INV-1", "INV-2"), List.of("INV-1", "INV-2"));
        assertThat(inbox()).containsExactlyInAnyOrder("N-1", "N-2", "N-3");
    }

    private List<String> inbox() {
        return jdbc.queryForList("select message_id from inbox", String.class);
    }

    private List<String> deadLetters() {
        return jdbc.queryForList("select error_class from dead_letters order by offset_no", String.class).stream()
                .map(reason -> reason.split(":")[0]).toList();
    }

    private Exchange notice(String noticeId, long amount) {
        return record("""
                {"noticeId": "%s", "paymentId": "PAY-%s", "stage": "CONFIRMED", "elNumber": "%s", "amount": %d,
                 "paidAt": "2026-05-20T22:41:09+09:00", "channel": "PAYMENT_SITE_CARD"}""".formatted(noticeId,
                noticeId, EL_NUMBER, amount));
    }

    private Exchange record(String json) {
        Exchange exchange = new DefaultExchange(camel);
        exchange.getMessage().setHeader(KafkaConstants.TOPIC, TOPIC);
        exchange.getMessage().setHeader(KafkaConstants.PARTITION, 0);
        exchange.getMessage().setHeader(KafkaConstants.OFFSET, offset++);
        exchange.getMessage().setBody(json.getBytes(StandardCharsets.UTF_8));
        return exchange;
    }

    /**
     * Reads eLTAX notices as their source does, needs the invoice of the notice's eL番号, and records what it saw
     * when deciding instead of deciding anything; a notice of {@link #FAILING_AMOUNT} fails to apply.
     */
    private static final class Probe implements Source<EltaxNotice> {

        static final long FAILING_AMOUNT = 666;

        private final EltaxNoticeSource reading = new EltaxNoticeSource();
        private final JdbcTemplate jdbc;
        final List<String> decided = new ArrayList<>();
        final List<Long> advisoryLocksHeld = new ArrayList<>();
        final List<Boolean> invoiceSeen = new ArrayList<>();
        final List<List<String>> payerInvoicesSeen = new ArrayList<>();
        boolean asksForAdvice;
        int passes;
        private UnitOfWork lastPass;

        Probe(JdbcTemplate jdbc) {
            this.jdbc = jdbc;
        }

        @Override
        public String schemaName() {
            return reading.schemaName();
        }

        @Override
        public String messageId(com.fasterxml.jackson.databind.JsonNode document) {
            return reading.messageId(document);
        }

        @Override
        public EltaxNotice read(Fields fields) throws RejectedRecordException {
            return reading.read(fields);
        }

        @Override
        public void declareNeeds(EltaxNotice notice, Needs needs) {
            needs.invoiceWith(notice.elNumber()).payment(notice.paymentRef());
        }

        @Override
        public void decide(Inbound<EltaxNotice> message, UnitOfWork work, Reconciler reconciler) {
            if (work != lastPass) {
                lastPass = work;
                passes++;
            }
            if (message.command().amount().yen() == FAILING_AMOUNT) {
                throw new IllegalStateException("the probe cannot decide this one");
            }
            decided.add(message.messageId());
            // Looking at the locks from inside a decision is the probe's privilege: a source never reads.
            advisoryLocksHeld.add(jdbc.queryForObject(
                    "select count(*) from pg_locks where locktype = 'advisory' and pid = pg_backend_pid()", Long.class));
            invoiceSeen.add(work.invoiceWith(message.command().elNumber()).isPresent());
            if (asksForAdvice) {
                payerInvoicesSeen.add(work.of(new MunicipalityCode("442011"), "P-1").stream()
                        .map(invoice -> invoice.id().value()).sorted().toList());
            }
            work.handled(message, new Outcome(List.of(), Optional.empty(), List.of(), List.of(), List.of()),
                    Optional.empty());
        }

        @Override
        public StaffException conflictingDuplicate(EltaxNotice notice, String fingerprint) {
            return ConflictingDuplicate.of(notice, fingerprint);
        }
    }
}
