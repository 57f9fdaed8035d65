package io.shuno.testsupport;

import io.shuno.reconciliation.ConvenienceBarcode;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a collection agency's 速報 / 確報 / 速報取消 notification CSV as agencies do: windows-31j (the chain's name in
 * full-width Japanese), CR LF, no header row, 13 columns.
 */
public final class ConvenienceStoreNoticeFiles {

    private ConvenienceStoreNoticeFiles() {
    }

    /** A slip's barcode for the municipality's client code and the biller's 16-digit key, with its check digit. */
    public static ConvenienceBarcode barcode(String billerKey16, long amount) {
        return ConvenienceBarcode.withCheckDigit("91" + "912345" + "13101" + billerKey16 + "0" + "261231" + "0"
                + String.format("%06d", amount));
    }

    /** A row: kind 01/02/03, paid on YYYYMMDD at HHMM, the barcode (prefix allowed), 振込日 ("0" for none). */
    public static String row(String kind, String paidOn, String paidTime, String barcode, long amount, String chainCode,
                             String chainName, String storeCode, String transferDate, String createdOn) {
        String digits = barcode.replaceAll("^[^0-9]*", "");
        return String.join(",", kind, paidOn, paidTime, barcode, digits.substring(8, 19), digits.substring(19, 29),
                "0", Long.toString(amount), chainCode, chainName, storeCode, transferDate, createdOn);
    }

    public static Path write(Path file, List<String> rows) {
        Path partial = Arrivals.partialOf(file);
        try (BufferedWriter out = Files.newBufferedWriter(partial, DirectDebitResultFiles.WINDOWS_31J)) {
            for (String row : rows) {
                out.write(row);
                out.write("\r\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Arrivals.complete(partial, file);
    }
}
