package io.shuno.files;

import io.shuno.reconciliation.ConvenienceBarcode;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Optional;

/** One row of a collection agency's notification CSV: 速報, 確報 or 速報取消 of one payment at one store. */
public record ConvenienceStoreNoticeRow(int lineNumber, ConvenienceStoreNoticeKind kind, LocalDateTime paidAt,
                                        ConvenienceBarcode barcode, long amount, String chainCode, String chainName,
                                        String storeCode, Optional<LocalDate> transferDate, LocalDate createdOn) {
}
