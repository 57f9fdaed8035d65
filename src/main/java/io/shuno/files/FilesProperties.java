package io.shuno.files;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.Map;

/**
 * What the file layouts do not say themselves: whose 委託者コード, and whose agency client code, is whose. (Where files are
 * dropped, shuno.files.drop-dir, only the routes read.)
 */
@ConfigurationProperties("shuno.files")
record FilesProperties(DirectDebit directDebit, ConvenienceStore convenienceStore) {

    /** @param consignors 委託者コード → 全国地方公共団体コード (6 digits) */
    record DirectDebit(Map<String, String> consignors) {
        DirectDebit {
            consignors = consignors == null ? Map.of() : Map.copyOf(consignors);
        }
    }

    /**
     * @param clients the collection agency's client code (the first 5 digits of a barcode's 自由使用欄) →
     *                全国地方公共団体コード (6 digits)
     */
    record ConvenienceStore(Map<String, String> clients) {
        ConvenienceStore {
            clients = clients == null ? Map.of() : Map.copyOf(clients);
        }
    }

    FilesProperties {
        directDebit = directDebit == null ? new DirectDebit(Map.of()) : directDebit;
        convenienceStore = convenienceStore == null ? new ConvenienceStore(Map.of()) : convenienceStore;
    }
}
