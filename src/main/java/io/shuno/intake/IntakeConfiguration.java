package io.shuno.intake;

import io.shuno.deadletters.DeadLetters;
import io.shuno.matching.Inbound;
import io.shuno.matching.PaymentMatching;
import io.shuno.reconciliation.AcquirerStatement;
import io.shuno.reconciliation.EltaxNotice;
import io.shuno.reconciliation.InvoiceEvent;
import io.shuno.reconciliation.TerminalTransaction;
import org.apache.camel.component.kafka.consumer.DefaultKafkaManualCommitFactory;
import org.apache.camel.component.kafka.consumer.KafkaManualCommitFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.function.Consumer;

/** One intake bean per input topic, named as the routes in routes/ refer to them. */
@Configuration
class IntakeConfiguration {

    private final SchemaCatalog schemas;
    private final TransactionTemplate transactions;
    private final DeadLetters deadLetters;
    private final PaymentMatching matching;

    IntakeConfiguration(SchemaCatalog schemas, TransactionTemplate transactions,
                        DeadLetters deadLetters, PaymentMatching matching) {
        this.schemas = schemas;
        this.transactions = transactions;
        this.deadLetters = deadLetters;
        this.matching = matching;
    }

    /** Intake commits offsets itself after its transaction (see Intake): exactly what it handled, no more. */
    @Bean
    KafkaManualCommitFactory manualCommits() {
        return new DefaultKafkaManualCommitFactory();
    }

    @Bean
    Intake<InvoiceEvent> invoiceEventIntake() {
        return intake(new InvoiceEventFormat(), matching::applyInvoiceEvents);
    }

    @Bean
    Intake<EltaxNotice> eltaxNoticeIntake() {
        return intake(new EltaxNoticeFormat(), matching::applyEltaxNotices);
    }

    @Bean
    Intake<TerminalTransaction> terminalTransactionIntake() {
        return intake(new TerminalTransactionFormat(), matching::applyTerminalTransactions);
    }

    @Bean
    Intake<AcquirerStatement> acquirerStatementIntake() {
        return intake(new AcquirerStatementFormat(), matching::applyAcquirerStatements);
    }

    private <T> Intake<T> intake(RecordFormat<T> format, Consumer<List<Inbound<T>>> apply) {
        return new Intake<>(format, schemas, transactions, deadLetters, apply);
    }
}
