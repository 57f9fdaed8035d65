package io.shuno.reconciliation;

import java.util.List;

import static io.shuno.reconciliation.ExplanationCode.Kind.AMOUNT;
import static io.shuno.reconciliation.ExplanationCode.Kind.COUNT;
import static io.shuno.reconciliation.ExplanationCode.Kind.DATE;
import static io.shuno.reconciliation.ExplanationCode.Kind.ERA_DATE;
import static io.shuno.reconciliation.ExplanationCode.Kind.EXPLANATION;
import static io.shuno.reconciliation.ExplanationCode.Kind.EXPLANATIONS;
import static io.shuno.reconciliation.ExplanationCode.Kind.SIGNED_COUNT;
import static io.shuno.reconciliation.ExplanationCode.Kind.SIGNED_YEN;
import static io.shuno.reconciliation.ExplanationCode.Kind.TERM;
import static io.shuno.reconciliation.ExplanationCode.Kind.TEXT;
import static io.shuno.reconciliation.ExplanationCode.Kind.TEXTS;

/**
 * What an exception says to staff, as a code with the kinds of its arguments; the words are in the message bundles
 * ({@code explanation.<CODE>}), in Japanese and English. Some codes are parts of others: what a payment paid for,
 * how money became 過誤納金, the 充当 advice, why a VOID was refused. The names are stored with each exception.
 */
public enum ExplanationCode {
    UNMATCHED(EXPLANATION, AMOUNT),
    PAID_FOR_EL_NUMBER(TEXT),
    PAID_FOR_COUNTER_ORDERS(TEXTS),
    PAID_FOR_INVOICE(TEXT),
    EXCESS(EXPLANATION, AMOUNT, EXPLANATION),
    EXCESS_PAID_AFTER_CANCELLATION(TEXT),
    EXCESS_DOUBLE_PAYMENT(TEXT),
    EXCESS_OVERPAID(TEXT, AMOUNT, AMOUNT),
    EXCESS_OVERPAID_SEVERAL(TEXTS, AMOUNT, AMOUNT),
    EXCESS_AMOUNT_REDUCED(TEXT, AMOUNT),
    EXCESS_CANCELLED_AFTER_PAYMENT(TEXT),
    ADVICE_REFUND(),
    ADVICE_APPROPRIATE(COUNT, TEXTS),
    LATE_CHARGE_DUE(TEXT, ERA_DATE, AMOUNT, ERA_DATE, AMOUNT),
    LATE_CHARGE_RATE_UNKNOWN(TEXT, ERA_DATE, AMOUNT),
    CANCEL_AFTER_CONFIRM(TEXT, AMOUNT, EXPLANATION),
    GATEWAY_ELTAX(),
    GATEWAY_CONVENIENCE_STORE_AGENCY(),
    GATEWAY_BANK(),
    PAID_FOR_CONVENIENCE_BARCODE(TEXT),
    PAID_FOR_DIRECT_DEBIT(TEXT, ERA_DATE),
    DIRECT_DEBIT_NOT_DEBITED(EXPLANATION, AMOUNT, TERM, TEXT, TERM),
    DIRECT_DEBIT_FAILED(TEXT, EXPLANATION, AMOUNT, EXPLANATION),
    DIRECT_DEBIT_FAILED_WITHOUT_INVOICE(EXPLANATION),
    DIRECT_DEBIT_FAILED_AFTER_DEBITED(EXPLANATION, TERM, TEXT),
    FOLLOW_UP_SEND_SLIP(),
    FOLLOW_UP_SEND_REMINDER(ERA_DATE),
    FOLLOW_UP_REREGISTER(EXPLANATION),
    FOLLOW_UP_CHECK_MANDATE(EXPLANATION),
    FOLLOW_UP_MUNICIPALITY_STOP(),
    FOLLOW_UP_ASK_BANK(),
    STATEMENT_MISMATCH(TEXT, DATE, TEXT, COUNT, AMOUNT, COUNT, AMOUNT, SIGNED_COUNT, SIGNED_YEN),
    REISSUED_DIFFERENTLY(TEXT, AMOUNT, TEXT),
    CONFLICTING_NOTICE(TEXT, AMOUNT),
    CONFLICTING_INVOICE_EVENT(TEXT, TEXT),
    CONFLICTING_TERMINAL_TRANSACTION(TEXT, AMOUNT),
    CONFLICTING_ACQUIRER_STATEMENT(TEXT, AMOUNT),
    VOID_AFTER_REFUND(TEXT, TEXT, AMOUNT, AMOUNT, EXPLANATIONS, AMOUNT),
    REFUND_DECISION(TEXT, DATE, AMOUNT, AMOUNT),
    VOID_REFUSED(TEXT, AMOUNT, TEXT, EXPLANATION),
    VOID_SALE_UNKNOWN(),
    VOID_SALE_ALREADY_VOIDED(),
    VOID_SALE_DIFFERS(TEXT, AMOUNT),
    VOID_PAID_FOR_DIFFERS(EXPLANATION, EXPLANATION),
    /** The text an exception was stored with before explanations had codes: shown as it was written. */
    RECORDED(TEXT);

    /**
     * The kinds of argument, each with the Java type it is given as: yen ({@link Amount}; a signed difference as a
     * {@link Long}), counts ({@link Long}), dates ({@link java.time.LocalDate}; ERA_DATE is written in the Japanese
     * calendar where the language has one), identifiers ({@link String}), terms (a {@link String}
     * key the bundles word as {@code term.<key>}), lists of identifiers, and explanations.
     */
    public enum Kind {
        AMOUNT(Amount.class), SIGNED_YEN(Long.class), COUNT(Long.class), SIGNED_COUNT(Long.class),
        DATE(java.time.LocalDate.class), ERA_DATE(java.time.LocalDate.class), TEXT(String.class), TERM(String.class),
        TEXTS(List.class), EXPLANATION(Explanation.class), EXPLANATIONS(List.class);

        private final Class<?> type;

        Kind(Class<?> type) {
            this.type = type;
        }

        boolean admits(Object argument) {
            if (!type.isInstance(argument)) {
                return false;
            }
            Class<?> element = this == TEXTS ? String.class : Explanation.class;
            return !(argument instanceof List<?> list) || list.stream().allMatch(element::isInstance);
        }
    }

    private final List<Kind> kinds;

    ExplanationCode(Kind... kinds) {
        this.kinds = List.of(kinds);
    }

    public List<Kind> kinds() {
        return kinds;
    }
}
