package io.shuno.files;

import io.shuno.reconciliation.DirectDebitResultCode;

import java.time.LocalDate;

/**
 * One data record (データ区分 2) of a 全銀 口座振替 result file, with what its group's header says (委託者コード,
 * 引落日). The payer's name and account number are not kept: nothing downstream needs them, and they are personal
 * data.
 */
public record DirectDebitResultRow(int recordNumber, String consignorCode, LocalDate debitDate, String bankCode,
                                   String branchCode, long amount, String customerNumber, char resultCode) {

    public DirectDebitResultCode result() {
        return DirectDebitResultCode.of(resultCode);
    }
}
