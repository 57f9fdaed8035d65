package io.shuno.intake;

import io.shuno.deadletters.DeadLetters;
import io.shuno.reconciliation.AcquirerStatement;
import io.shuno.reconciliation.ConvenienceStoreNotice;
import io.shuno.reconciliation.DirectDebitResult;
import io.shuno.reconciliation.EltaxNotice;
import io.shuno.reconciliation.InvoiceEvent;
import io.shuno.reconciliation.TerminalTransaction;
import org.apache.camel.component.kafka.consumer.DefaultKafkaManualAsyncCommitFactory;
import org.apache.camel.component.kafka.consumer.KafkaManualCommitFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One pipeline per input topic, each with its source, named as the routes in routes/ refer to them. */
@Configuration
class IntakeConfiguration {

    private final PipelineParts parts;

    IntakeConfiguration(PipelineParts parts) {
        this.parts = parts;
    }

    /**
     * The pipeline commits offsets itself after its transaction, through each partition's last record (see
     * BatchPipeline): exactly what it handled, no more. Asynchronously, as a lost commit costs only a re-read.
     */
    @Bean
    KafkaManualCommitFactory manualCommits() {
        return new DefaultKafkaManualAsyncCommitFactory();
    }

    @Bean
    BatchPipeline<InvoiceEvent> invoiceEventIntake() {
        return pipeline(new InvoiceEventSource());
    }

    @Bean
    BatchPipeline<EltaxNotice> eltaxNoticeIntake() {
        return pipeline(new EltaxNoticeSource());
    }

    @Bean
    BatchPipeline<TerminalTransaction> terminalTransactionIntake() {
        return pipeline(new TerminalTransactionSource());
    }

    @Bean
    BatchPipeline<AcquirerStatement> acquirerStatementIntake() {
        return pipeline(new AcquirerStatementSource());
    }

    @Bean
    BatchPipeline<DirectDebitResult> directDebitResultIntake() {
        return pipeline(new DirectDebitResultSource());
    }

    @Bean
    BatchPipeline<ConvenienceStoreNotice> convenienceStoreNoticeIntake() {
        return pipeline(new ConvenienceStoreNoticeSource());
    }

    private <T> BatchPipeline<T> pipeline(Source<T> source) {
        return new BatchPipeline<>(source, parts);
    }
}
