package io.shuno.files;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.Map;

/**
 * What the file layouts do not say themselves: whose 委託者コード is whose. (Where files are dropped, shuno.files.drop-dir,
 * only the routes read.)
 */
@ConfigurationProperties("shuno.files")
record FilesProperties(DirectDebit directDebit) {

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
