package io.shuno.intake;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.shuno.matching.PaymentMatching;
import io.shuno.reconciliation.AcquirerStatement;
import io.shuno.reconciliation.EltaxNotice;
import io.shuno.reconciliation.TerminalTransaction;
import io.shuno.reconciliation.InvoiceEvent;
import org.apache.camel.component.kafka.consumer.DefaultKafkaManualCommitFactory;
import org.apache.camel.component.kafka.consumer.KafkaManualCommitFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

/** One intake bean per input topic, named as the routes in routes/ refer to them. */
@Configuration
class IntakeConfiguration {

    /** Intake commits offsets itself, synchronously, after its transaction: exactly what it handled, no more. */
    @Bean
    KafkaManualCommitFactory syncManualCommits() {
        return new DefaultKafkaManualCommitFactory();
    }

    @Bean
    Intake<InvoiceEvent> invoiceEventIntake(SchemaCatalog schemas, ObjectMapper json, TransactionTemplate transactions,
                                            DeadLetters deadLetters, PaymentMatching matching) {
        return new Intake<>(new InvoiceEventFormat(), schemas, json, transactions, deadLetters,
                matching::applyInvoiceEvents);
    }

    @Bean
    Intake<TerminalTransaction> terminalTransactionIntake(SchemaCatalog schemas, ObjectMapper json,
                                                          TransactionTemplate transactions, DeadLetters deadLetters,
                                                          PaymentMatching matching) {
        return new Intake<>(new TerminalTransactionFormat(), schemas, json, transactions, deadLetters,
                matching::applyTerminalTransactions);
    }

    @Bean
    Intake<AcquirerStatement> acquirerStatementIntake(SchemaCatalog schemas, ObjectMapper json,
                                                      TransactionTemplate transactions, DeadLetters deadLetters,
                                                      PaymentMatching matching) {
        return new Intake<>(new AcquirerStatementFormat(), schemas, json, transactions, deadLetters,
                matching::applyAcquirerStatements);
    }

    @Bean
    Intake<EltaxNotice> eltaxNoticeIntake(SchemaCatalog schemas, ObjectMapper json, TransactionTemplate transactions,
                                          DeadLetters deadLetters, PaymentMatching matching) {
        return new Intake<>(new EltaxNoticeFormat(), schemas, json, transactions, deadLetters,
                matching::applyEltaxNotices);
    }
}
