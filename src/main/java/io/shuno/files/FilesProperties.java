package io.shuno.files;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.Map;

/** Where files are dropped, and what the file layouts do not say themselves (whose 委託者コード is whose). */
@ConfigurationProperties("shuno.files")
record FilesProperties(String dropDir, DirectDebit directDebit) {

    /** @param consignors 委託者コード → 全国地方公共団体コード (6 digits) */
    record DirectDebit(Map<String, String> consignors) {
        DirectDebit {
            consignors = consignors == null ? Map.of() : Map.copyOf(consignors);
        }
    }

    FilesProperties {
        directDebit = directDebit == null ? new DirectDebit(Map.of()) : directDebit;
    }
}
