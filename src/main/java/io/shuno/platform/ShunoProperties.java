package io.shuno.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Everything an operator may set, with the defaults that let shuno run with no configuration at all. */
@ConfigurationProperties("shuno")
public record ShunoProperties(Topics topics, Kafka kafka) {

    public record Topics(String invoiceEvents, String eltaxNotices, String terminalTransactions,
                         String acquirerStatements, String settlements, String exceptions, String deadLetters,
                         String directDebitResults, String convenienceStoreNotices) {
    }

    public record Kafka(String brokers, int partitions, short replicationFactor, String groupId) {
    }
}
