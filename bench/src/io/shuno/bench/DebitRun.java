package io.shuno.bench;

import io.shuno.reconciliation.Amount;
import io.shuno.reconciliation.DirectDebitResult;
import io.shuno.reconciliation.MunicipalityCode;
import io.shuno.testsupport.DirectDebitResultFiles;
import io.shuno.testsupport.DirectDebitResultFiles.Debit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * A large city's monthly 口座振替 run, generated from the day's seed: the invoices its billing system issued with a
 * debit key, and the bank's result file for them — mostly debited (result 0), some not (1 資金不足 … 4 依頼書なし),
 * a few debited for a 顧客番号 no invoice lists (suspense). Every row is computed from its number, so the file is
 * written as a stream, one record at a time, however many rows it has.
 */
final class DebitRun {

    /** The 委託者コード of the bank's file, configured in shuno as Chiyoda's. */
    static final String CONSIGNOR_CODE = "0000013101";
    static final String MUNICIPALITY = MunicipalityCode.ofInstitutionCode("13101").value();
    /** The run's invoices are numbered from here, beyond every book the day set loads. */
    private static final long FIRST_INVOICE = 5_000_000_000L;
    /** 顧客番号 no invoice lists are numbered from here. */
    private static final long UNKNOWN_CUSTOMERS = 9_000_000_000_000_000_000L;
    private static final DateTimeFormatter MMDD = DateTimeFormatter.ofPattern("MMdd");

    /** One data record of the result file; {@code invoiced} when an invoice lists its key. */
    record Row(int number, String customerNumber, long amount, char result, boolean invoiced) {

        boolean debited() {
            return result == '0';
        }
    }

    private final DataSet data;
    private final long seed;
    private final int rows;
    private final LocalDate debitDate;
    /** Per row: what its settlements must net to (the amount of a debited row, 0 for one not debited). */
    private final long[] settles;
    private final Map<String, Integer> rowByPaymentRef = new HashMap<>();
    private final Map<String, Integer> mix = new LinkedHashMap<>();
    private int debitedRows;
    private long debitedAmount;
    private long amount;

    DebitRun(DataSet data, long seed, long rows, LocalDate debitDate) {
        this.data = data;
        this.seed = seed;
        this.rows = Math.toIntExact(rows);
        this.debitDate = debitDate;
        this.settles = new long[this.rows];
        MunicipalityCode municipality = new MunicipalityCode(MUNICIPALITY);
        for (int number = 0; number < this.rows; number++) {
            Row row = row(number);
            mix.merge(!row.invoiced() ? "debited, 顧客番号 on no invoice" : row.debited() ? "debited"
                    : "not debited (" + row.result() + ")", 1, Integer::sum);
            amount += row.amount();
            if (row.debited()) {
                debitedRows++;
                debitedAmount += row.amount();
                settles[number] = row.amount();
            }
            DirectDebitResult result = new DirectDebitResult(municipality, row.customerNumber(), debitDate,
                    Amount.of(row.amount()), row.result());
            rowByPaymentRef.put(result.paymentRef().value(), number);
        }
    }

    /** 93 % debited, 5 % not (results 1–4), 2 % debited for a 顧客番号 no invoice lists. */
    Row row(int number) {
        int roll = new SplittableRandom(seed * 7_919L + number).nextInt(1000);
        long invoiceNumber = FIRST_INVOICE + number;
        long billed = data.invoice(invoiceNumber).amount();
        if (roll < 20) {
            return new Row(number, DirectDebitResultFiles.customerNumber(UNKNOWN_CUSTOMERS + number), billed, '0', false);
        }
        char result = roll < 70 ? (char) ('1' + roll % 4) : '0';
        return new Row(number, DirectDebitResultFiles.customerNumber(invoiceNumber), billed, result, true);
    }

    /** The ISSUED events of the invoices the run debits, each listing its 顧客番号 and 引落日. */
    long publishInvoices(Publisher publisher, String topic) {
        long published = 0;
        for (int number = 0; number < rows; number++) {
            Row row = row(number);
            if (row.invoiced()) {
                DataSet.Invoice invoice = data.debitedInvoice(FIRST_INVOICE + number, MUNICIPALITY, debitDate);
                publisher.send(topic, invoice.id(), data.issuedJson(invoice, row.customerNumber(), debitDate));
                published++;
            }
        }
        return published;
    }

    /**
     * Writes the bank's result file into {@code folder} as a transfer service does — under a hidden name, renamed
     * when complete — one record at a time, with CR LF line ends; returns the file.
     */
    Path write(Path folder) throws IOException {
        Files.createDirectories(folder);
        String mmdd = debitDate.format(MMDD);
        return DirectDebitResultFiles.write(folder.resolve("FURIKAE-KEKKA-" + CONSIGNOR_CODE + "-" + mmdd + ".txt"), true,
                DirectDebitResultFiles.records(DirectDebitResultFiles.header(CONSIGNOR_CODE, mmdd),
                        IntStream.range(0, rows).mapToObj(this::row).map(row -> DirectDebitResultFiles.data(
                                Debit.of(row.customerNumber(), row.amount(), row.result()))),
                        DirectDebitResultFiles.trailer(rows, amount, debitedRows, debitedAmount, rows - debitedRows,
                                amount - debitedAmount),
                        DirectDebitResultFiles.end()));
    }

    /** The row a settlement's paymentRef is for, or -1 if it is none of this file's. */
    int rowOf(String paymentRef) {
        return rowByPaymentRef.getOrDefault(paymentRef, -1);
    }

    /** What row {@code number}'s settlements must net to: its amount if debited, otherwise 0. */
    long settles(int number) {
        return settles[number];
    }

    int rows() {
        return rows;
    }

    int debitedRows() {
        return debitedRows;
    }

    Map<String, Integer> mix() {
        return mix;
    }
}
