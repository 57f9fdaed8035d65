package io.shuno.matching;

/** Where a Kafka record was read. */
public record RecordPosition(String topic, int partition, long offset) {
}
