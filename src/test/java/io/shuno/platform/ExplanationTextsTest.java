package io.shuno.platform;

import io.shuno.reconciliation.Amount;
import io.shuno.reconciliation.Explanation;
import io.shuno.reconciliation.ExplanationCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import static io.shuno.reconciliation.ExplanationCode.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Every explanation code rendered in Japanese — word for word the detail shuno wrote before explanations had codes,
 * as stored and published — and in English.
 */
class ExplanationTextsTest {

    private static final Explanation EL = Explanation.of(PAID_FOR_EL_NUMBER, "13101600000000000001");
    private static final Explanation ORDERS = Explanation.of(PAID_FOR_COUNTER_ORDERS, List.of("C-1", "C-2"));
    private static final Explanation OVERPAID = Explanation.of(EXCESS_OVERPAID, "NHI-1", Amount.of(12_000),
            Amount.of(10_000));
    private static final Explanation REFUND = Explanation.of(ADVICE_REFUND);
    private static final Explanation DEBIT_KEY = Explanation.of(PAID_FOR_DIRECT_DEBIT, "00000000000000012345",
            LocalDate.of(2025, 6, 25));
    private static final Explanation NOT_DEBITED = Explanation.of(DIRECT_DEBIT_NOT_DEBITED, DEBIT_KEY,
            Amount.of(3_100), "debitResult.NO_SUCH_ACCOUNT", "2", "debitResultMeaning.NO_SUCH_ACCOUNT");
    private static final Explanation DECISION = Explanation.of(REFUND_DECISION, "R-1", LocalDate.of(2026, 7, 1),
            Amount.of(2_000), Amount.of(100));

    static Stream<Arguments> everyCode() {
        return Stream.of(
                arguments(Explanation.of(UNMATCHED, EL, Amount.of(12_000)),
                        "eL番号 13101600000000000001 の請求が見つからないため、12,000円を歳入歳出外現金(不明収納)として仮受けしました。"
                                + "請求データが届けば自動で消込します。届かない場合は納付書を確認してください。",
                        "No invoice was found for eL number 13101600000000000001, so ¥12,000 is held as unidentified"
                                + " receipts (suspense). It is matched automatically when the invoice arrives; if it"
                                + " does not, check the payment slip."),
                arguments(EL, "eL番号 13101600000000000001", "eL number 13101600000000000001"),
                arguments(ORDERS, "窓口注文 C-1、C-2", "counter orders C-1, C-2"),
                arguments(Explanation.of(PAID_FOR_INVOICE, "NHI-1"), "請求 NHI-1", "invoice NHI-1"),
                arguments(Explanation.of(EXCESS, OVERPAID, Amount.of(2_000), REFUND),
                        "請求 NHI-1 に対して納付額 12,000円が未納額 10,000円を超えています(過納)。2,000円を過誤納金として計上しました。"
                                + "同一納付者に未納の請求はありません。還付の手続きを行ってください。",
                        "The payment of ¥12,000 for invoice NHI-1 exceeds the ¥10,000 that was unpaid (overpayment)."
                                + " ¥2,000 was booked as an overpayment (過誤納金). The payer has no unpaid invoices:"
                                + " refund the money."),
                arguments(Explanation.of(EXCESS_PAID_AFTER_CANCELLATION, "NHI-1"),
                        "取消済みの請求 NHI-1 に納付がありました。", "A payment arrived for invoice NHI-1, which is cancelled."),
                arguments(Explanation.of(EXCESS_DOUBLE_PAYMENT, "NHI-1"),
                        "納付済みの請求 NHI-1 に再度納付がありました(二重納付)。",
                        "Invoice NHI-1 was already paid and has been paid again (double payment)."),
                arguments(OVERPAID, "請求 NHI-1 に対して納付額 12,000円が未納額 10,000円を超えています(過納)。",
                        "The payment of ¥12,000 for invoice NHI-1 exceeds the ¥10,000 that was unpaid (overpayment)."),
                arguments(Explanation.of(EXCESS_OVERPAID_SEVERAL, List.of("C-1", "C-2"), Amount.of(1_000),
                                Amount.of(750)),
                        "請求 C-1、C-2 に対して納付額 1,000円が未納額合計 750円を超えています(過納)。",
                        "The payment of ¥1,000 for invoices C-1, C-2 exceeds the ¥750 they had unpaid in total"
                                + " (overpayment)."),
                arguments(Explanation.of(EXCESS, Explanation.of(EXCESS_AMOUNT_REDUCED, "NHI-1", Amount.of(8_000)),
                                Amount.of(2_000), REFUND),
                        "請求 NHI-1 が 8,000円に減額(減額更正)されたため、収入済みの 2,000円を過誤納金として計上しました。"
                                + "同一納付者に未納の請求はありません。還付の手続きを行ってください。",
                        "Invoice NHI-1 was reduced to ¥8,000 (reduced assessment); of the revenue already received,"
                                + " ¥2,000 was booked as an overpayment (過誤納金). The payer has no unpaid invoices:"
                                + " refund the money."),
                arguments(Explanation.of(EXCESS_AMOUNT_REDUCED, "NHI-1", Amount.of(8_000)),
                        "請求 NHI-1 が 8,000円に減額(減額更正)されたため、収入済みの ",
                        "Invoice NHI-1 was reduced to ¥8,000 (reduced assessment); of the revenue already received,"),
                arguments(Explanation.of(EXCESS_CANCELLED_AFTER_PAYMENT, "NHI-1"),
                        "納付済みの請求 NHI-1 の調定が取り消されたため、収入済みの ",
                        "The assessment of invoice NHI-1, already paid, was cancelled; of the revenue already"
                                + " received,"),
                arguments(REFUND, "同一納付者に未納の請求はありません。還付の手続きを行ってください。",
                        "The payer has no unpaid invoices: refund the money."),
                arguments(Explanation.of(ADVICE_APPROPRIATE, 2L, List.of("NHI-0", "NHI-2")),
                        "同一納付者の未納 2 件(古い順: NHI-0、NHI-2)への充当を検討してください。",
                        "Consider appropriating it to the payer's 2 unpaid invoice(s) (oldest first: NHI-0, NHI-2)."),
                arguments(Explanation.of(LATE_CHARGE_DUE, "NHI-1", LocalDate.of(2026, 4, 30), Amount.of(100_000),
                                LocalDate.of(2026, 6, 20), Amount.of(1_200)),
                        "請求 NHI-1(納期限 令和8年4月30日)の保険料 100,000円が 令和8年6月20日 に納付されました。延滞金 1,200円を新たに調定してください。",
                        "The premium of ¥100,000 on invoice NHI-1 (due 2026-04-30) was paid on 2026-06-20. Assess a"
                                + " late charge of ¥1,200."),
                arguments(Explanation.of(LATE_CHARGE_RATE_UNKNOWN, "NHI-1", LocalDate.of(2019, 4, 30),
                                Amount.of(100_000)),
                        "請求 NHI-1(納期限 平成31年4月30日)の保険料 100,000円が期限後に納付されましたが、対象期間の延滞金の割合が設定されていないため計算できません。"
                                + "割合を設定するか、手計算で調定してください。",
                        "The premium of ¥100,000 on invoice NHI-1 (due 2019-04-30) was paid after the due date, but no"
                                + " late-charge rate is configured for the period, so the charge cannot be computed."
                                + " Configure the rate, or compute and assess the charge by hand."),
                arguments(Explanation.of(CANCEL_AFTER_CONFIRM, "eltax:P-1", Amount.of(5_000), Explanation.of(GATEWAY_ELTAX)),
                        "確報済みの納付 eltax:P-1(5,000円)に速報取消が届きました。確報後の取消は自動では反映しません。地方税共同機構に照会してください。",
                        "A cancellation of the preliminary notice arrived for payment eltax:P-1 (¥5,000), which is"
                                + " already confirmed. A cancellation after confirmation is not applied automatically:"
                                + " ask the eLTAX operator (地方税共同機構)."),
                arguments(Explanation.of(CANCEL_AFTER_CONFIRM, "cvs:P-2", Amount.of(3_000),
                                Explanation.of(GATEWAY_CONVENIENCE_STORE_AGENCY)),
                        "確報済みの納付 cvs:P-2(3,000円)に速報取消が届きました。確報後の取消は自動では反映しません。収納代行会社に照会してください。",
                        "A cancellation of the preliminary notice arrived for payment cvs:P-2 (¥3,000), which is"
                                + " already confirmed. A cancellation after confirmation is not applied automatically:"
                                + " ask the collection agency (収納代行会社)."),
                arguments(Explanation.of(GATEWAY_BANK), "指定金融機関", "the designated bank (指定金融機関)"),
                arguments(DEBIT_KEY, "口座振替 顧客番号 00000000000000012345(引落日 令和7年6月25日)",
                        "direct debit of customer number 00000000000000012345 (debit date 2025-06-25)"),
                arguments(Explanation.of(PAID_FOR_CONVENIENCE_BARCODE, "9191234501234567890123456789010103310123003"),
                        "コンビニ収納バーコード 9191234501234567890123456789010103310123003",
                        "convenience-store barcode 9191234501234567890123456789010103310123003"),
                arguments(Explanation.of(DIRECT_DEBIT_FAILED, "NHI-1", NOT_DEBITED, Amount.of(3_100),
                                Explanation.of(FOLLOW_UP_REREGISTER, Explanation.of(FOLLOW_UP_SEND_SLIP))),
                        "請求 NHI-1 の口座振替 顧客番号 00000000000000012345(引落日 令和7年6月25日)の 3,100円は「取引なし」"
                                + "(振替結果コード 2: 口座が解約済み・存在しない)のため引き落とされませんでした。未納額 3,100円は未納のままです。"
                                + "口座振替不能のお知らせと納付書を送付してください(再振替を行う場合は次回の引落で請求してください)。"
                                + "口座振替を続けるには、納付者に口座振替の再登録を案内してください。",
                        "Invoice NHI-1: The ¥3,100 of direct debit of customer number 00000000000000012345 (debit date"
                                + " 2025-06-25) was not debited: \"no such account\" (result code 2: the account is closed"
                                + " or does not exist). The open balance of ¥3,100 stays unpaid. Send the payer the notice"
                                + " that the debit failed, with a payment slip (to retry the debit, claim it with the next"
                                + " debit). To keep paying by direct debit, ask the payer to register the debit again."),
                arguments(Explanation.of(DIRECT_DEBIT_FAILED_WITHOUT_INVOICE, NOT_DEBITED),
                        "口座振替 顧客番号 00000000000000012345(引落日 令和7年6月25日)の 3,100円は「取引なし」"
                                + "(振替結果コード 2: 口座が解約済み・存在しない)のため引き落とされませんでした。"
                                + "この引落の請求が見つかりません。業務システムに請求データの送信を依頼してください。",
                        "The ¥3,100 of direct debit of customer number 00000000000000012345 (debit date 2025-06-25)"
                                + " was not debited: \"no such account\" (result code 2: the account is closed or does"
                                + " not exist). No invoice has this debit: ask the billing system to send its invoice"
                                + " data."),
                arguments(Explanation.of(DIRECT_DEBIT_FAILED_AFTER_DEBITED, DEBIT_KEY, "debitResult.OTHER", "9"),
                        "振替済として収納した口座振替 顧客番号 00000000000000012345(引落日 令和7年6月25日)に、振替不能の結果「その他」"
                                + "(振替結果コード 9)が届きました。収納は自動では取り消しません。指定金融機関に照会してください。",
                        "A not-debited result \"other\" (result code 9) arrived for the direct debit of customer number"
                                + " 00000000000000012345 (debit date 2025-06-25), which was already received as debited."
                                + " The receipt is not undone automatically: ask the designated bank (指定金融機関)."),
                arguments(Explanation.of(FOLLOW_UP_SEND_REMINDER, LocalDate.of(2025, 5, 31)),
                        "納期限(令和7年5月31日)を過ぎているため、督促状を送付してください。",
                        "The due date (2025-05-31) has passed: send a reminder (督促状)."),
                arguments(Explanation.of(FOLLOW_UP_CHECK_MANDATE, Explanation.of(FOLLOW_UP_SEND_SLIP)),
                        "口座振替不能のお知らせと納付書を送付してください(再振替を行う場合は次回の引落で請求してください)。"
                                + "口座振替依頼書の提出・登録状況を確認してください。",
                        "Send the payer the notice that the debit failed, with a payment slip (to retry the debit,"
                                + " claim it with the next debit). Check whether the direct-debit mandate was submitted"
                                + " and registered."),
                arguments(Explanation.of(FOLLOW_UP_MUNICIPALITY_STOP),
                        "振替停止を依頼した理由(口座の変更・納付済み等)を確認し、未納であれば納付書を送付してください。",
                        "Check why the municipality asked to stop the debit (account changed, already paid ...); if"
                                + " still unpaid, send a payment slip."),
                arguments(Explanation.of(FOLLOW_UP_ASK_BANK), "理由を指定金融機関に照会し、未納であれば納付書を送付してください。",
                        "Ask the designated bank why; if still unpaid, send a payment slip."),
                arguments(NOT_DEBITED, "口座振替 顧客番号 00000000000000012345(引落日 令和7年6月25日)の 3,100円は「取引なし」"
                                + "(振替結果コード 2: 口座が解約済み・存在しない)のため引き落とされませんでした",
                        "The ¥3,100 of direct debit of customer number 00000000000000012345 (debit date 2025-06-25)"
                                + " was not debited: \"no such account\" (result code 2: the account is closed or does"
                                + " not exist)"),
                arguments(Explanation.of(FOLLOW_UP_SEND_SLIP),
                        "口座振替不能のお知らせと納付書を送付してください(再振替を行う場合は次回の引落で請求してください)。",
                        "Send the payer the notice that the debit failed, with a payment slip (to retry the debit,"
                                + " claim it with the next debit)."),
                arguments(Explanation.of(FOLLOW_UP_REREGISTER, Explanation.of(FOLLOW_UP_SEND_REMINDER,
                                LocalDate.of(2025, 5, 31))),
                        "納期限(令和7年5月31日)を過ぎているため、督促状を送付してください。口座振替を続けるには、納付者に口座振替の再登録を案内してください。",
                        "The due date (2025-05-31) has passed: send a reminder (督促状). To keep paying by direct debit,"
                                + " ask the payer to register the debit again."),
                arguments(Explanation.of(GATEWAY_CONVENIENCE_STORE_AGENCY), "収納代行会社",
                        "the collection agency (収納代行会社)"),
                arguments(Explanation.of(GATEWAY_ELTAX), "地方税共同機構", "the eLTAX operator (地方税共同機構)"),
                arguments(Explanation.of(STATEMENT_MISMATCH, "東京カード", LocalDate.of(2026, 3, 31), "EMONEY", 3L,
                                Amount.of(10_000), 2L, Amount.of(10_500), 1L, -500L),
                        "東京カード の 2026-03-31 EMONEY の明細(3 件、10,000円)が端末の売上(2 件、10,500円)と一致しません。"
                                + "差は +1 件、-500円です。端末の日計と明細を照合してください。",
                        "The statement of 東京カード for 2026-03-31 EMONEY (3 sales, ¥10,000) does not match the"
                                + " terminals' sales (2 sales, ¥10,500): a difference of +1 sales and -¥500. Check the"
                                + " terminals' daily totals against the statement."),
                arguments(Explanation.of(REISSUED_DIFFERENTLY, "NHI-1", Amount.of(9_000), "E-2"),
                        "請求 NHI-1 が異なる内容(9,000円)で再度発行されました(eventId E-2)。先に届いた内容を保持しています。業務システムに確認してください。",
                        "Invoice NHI-1 was issued again with different content (¥9,000) (eventId E-2). The content"
                                + " that arrived first is kept; check with the billing system."),
                arguments(Explanation.of(CONFLICTING_NOTICE, "N-1", Amount.of(5_000)),
                        "通知 N-1 が以前と異なる内容(5,000円)で再送されました。最初の内容を有効とし、今回の内容は反映していません。送信元に確認してください。",
                        "Notice N-1 was sent again with different content (¥5,000). The first content stands and this"
                                + " one was not applied; check with the sender."),
                arguments(Explanation.of(CONFLICTING_INVOICE_EVENT, "E-1", "NHI-1"),
                        "請求イベント E-1(請求 NHI-1)が以前と異なる内容で再送されました。最初の内容を有効とし、今回の内容は反映していません。送信元に確認してください。",
                        "Invoice event E-1 (invoice NHI-1) was sent again with different content. The first content"
                                + " stands and this one was not applied; check with the sender."),
                arguments(Explanation.of(CONFLICTING_TERMINAL_TRANSACTION, "T-1", Amount.of(300)),
                        "端末取引 T-1 が以前と異なる内容(300円)で再送されました。最初の内容を有効とし、今回の内容は反映していません。送信元に確認してください。",
                        "Terminal transaction T-1 was sent again with different content (¥300). The first content"
                                + " stands and this one was not applied; check with the sender."),
                arguments(Explanation.of(CONFLICTING_ACQUIRER_STATEMENT, "ST-1", Amount.of(10_000)),
                        "精算明細 ST-1 が以前と異なる内容(売上 10,000円)で再送されました。最初の内容を有効とし、今回の内容は反映していません。送信元に確認してください。",
                        "Acquirer statement ST-1 was sent again with different content (sales ¥10,000). The first"
                                + " content stands and this one was not applied; check with the sender."),
                arguments(Explanation.of(VOID_AFTER_REFUND, "term-07", "T-1", Amount.of(5_000), Amount.of(2_000),
                                List.of(DECISION, DECISION), Amount.of(2_100)),
                        "端末 term-07 の取消で売上 T-1(5,000円)は全額カードに返金されましたが、そのうち 2,000円 は既に還付を決定済みです("
                                + "還付決定 R-1(2026-07-01 決定、還付 2,000円、還付加算金 100円)、還付決定 R-1(2026-07-01 決定、還付 2,000円、還付加算金 100円))。"
                                + "このままでは納付者に二重に返金されます。還付金 2,100円 の支払を止めてください(支払済みなら納付者に返還を求めてください)。"
                                + "取消は反映し、売上の残りの計上は戻しました。",
                        "The VOID at terminal term-07 returned all of sale T-1 (¥5,000) to the card, but ¥2,000 of it"
                                + " had already been decided as a refund (refund decision R-1 (decided 2026-07-01,"
                                + " refund ¥2,000, interest ¥100), refund decision R-1 (decided 2026-07-01, refund"
                                + " ¥2,000, interest ¥100)). As it stands, the payer is refunded twice. Stop the payout"
                                + " of the refund of ¥2,100 (if it was paid, ask the payer to return it). The VOID was"
                                + " applied and what remained booked of the sale was reversed."),
                arguments(DECISION, "還付決定 R-1(2026-07-01 決定、還付 2,000円、還付加算金 100円)",
                        "refund decision R-1 (decided 2026-07-01, refund ¥2,000, interest ¥100)"),
                arguments(Explanation.of(VOID_REFUSED, "term-07", Amount.of(300), "T-9",
                                Explanation.of(VOID_SALE_UNKNOWN)),
                        "端末 term-07 の取消(300円)が指す売上 T-9 が見つかりません。取消は反映していません。端末の日計と照合してください。",
                        "The VOID (¥300) at terminal term-07 names sale T-9, which cannot be found. The VOID was not"
                                + " applied; check the terminal's daily totals."),
                arguments(Explanation.of(VOID_SALE_UNKNOWN), "が見つかりません。", "cannot be found."),
                arguments(Explanation.of(VOID_SALE_ALREADY_VOIDED), "は既に取り消されています。", "was voided already."),
                arguments(Explanation.of(VOID_SALE_DIFFERS, "131016", Amount.of(300)),
                        "(131016、300円)と団体コードまたは金額が一致しません。",
                        "differs in municipality or amount (131016, ¥300)."),
                arguments(Explanation.of(VOID_PAID_FOR_DIFFERS, ORDERS, EL),
                        "の支払対象(窓口注文 C-1、C-2)と取消の支払対象(eL番号 13101600000000000001)が一致しません。",
                        "paid for counter orders C-1, C-2, while the VOID names eL number 13101600000000000001."),
                arguments(Explanation.recorded("以前の説明文。"), "以前の説明文。", "以前の説明文。"));
    }

    @ParameterizedTest
    @MethodSource("everyCode")
    void rendersInJapaneseAsStoredAndPublishedAndInEnglish(Explanation explanation, String japanese, String english) {
        assertThat(ExplanationTexts.japanese(explanation)).isEqualTo(japanese);
        assertThat(ExplanationTexts.render(explanation, Locale.JAPANESE)).isEqualTo(japanese);
        assertThat(ExplanationTexts.render(explanation, Locale.ENGLISH)).isEqualTo(english);
        assertThat(ExplanationTexts.render(explanation, Locale.US)).isEqualTo(english);
    }

    @ParameterizedTest
    @MethodSource("everyCode")
    void aStoredExplanationReadsBackAsItWasWritten(Explanation explanation, String japanese, String english) {
        assertThat(StoredExplanations.read(StoredExplanations.write(explanation))).isEqualTo(explanation);
    }

    @Test
    void everyCodeIsRenderedAbove() {
        assertThat(everyCode().map(arguments -> ((Explanation) arguments.get()[0]).code()))
                .containsAll(Arrays.asList(ExplanationCode.values()));
    }

    @Test
    void aLanguageWithoutItsOwnBundleReadsJapaneseNotTheServersLanguage() {
        assertThat(ExplanationTexts.render(REFUND, Locale.FRENCH))
                .isEqualTo("同一納付者に未納の請求はありません。還付の手続きを行ってください。");
    }

    @Test
    void yenAreGroupedAsTheJdkGroupsThem() {
        long[] edges = {0, 7, 999, 1_000, -1_000, 12_000, 999_999, 1_000_000, -123_456_789, Long.MAX_VALUE,
                Long.MIN_VALUE};
        SplittableRandom random = new SplittableRandom(20261130);
        LongStream.concat(LongStream.of(edges), random.longs(20_000).map(yen -> yen >> random.nextInt(64)))
                .forEach(yen -> assertThat(ExplanationTexts.grouped(yen)).isEqualTo(String.format(Locale.ROOT, "%,d",
                        yen)));
    }
}
