package io.shuno.reconciliation;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * What a payment names its invoice by: the eL番号 of an eL-QR slip, the 44-digit barcode of a コンビニ slip, or the
 * direct-debit request (顧客番号 + 引落日). An invoice has as many keys as it has slips; a payment on any of them
 * pays that invoice. {@link #type()} and {@link #value()} are how a key is stored and published.
 */
public sealed interface PaymentKey {

    enum Type { EL_NUMBER, CONVENIENCE_BARCODE, DIRECT_DEBIT }

    Type type();

    /** The key as one string: the 34 or 44 digits, or {@code <顧客番号>:<引落日 YYYY-MM-DD>}. */
    String value();

    /** The key as an exception names it, e.g. "eL番号 1310…". */
    Explanation explanation();

    static PaymentKey of(ElNumber elNumber) {
        return new El(elNumber);
    }

    static PaymentKey of(ConvenienceBarcode barcode) {
        return new Barcode(barcode);
    }

    static PaymentKey directDebit(String customerNumber, LocalDate debitDate) {
        return new DirectDebit(customerNumber, debitDate);
    }

    /** A key read back from its {@link #type()} and {@link #value()}; a malformed value is an identifier error. */
    static PaymentKey parse(Type type, String value) {
        Objects.requireNonNull(type);
        Objects.requireNonNull(value);
        return switch (type) {
            case EL_NUMBER -> new El(new ElNumber(value));
            case CONVENIENCE_BARCODE -> new Barcode(new ConvenienceBarcode(value));
            case DIRECT_DEBIT -> DirectDebit.parse(value);
        };
    }

    record El(ElNumber number) implements PaymentKey {

        public El {
            Objects.requireNonNull(number);
        }

        @Override
        public Type type() {
            return Type.EL_NUMBER;
        }

        @Override
        public String value() {
            return number.value();
        }

        @Override
        public Explanation explanation() {
            return Explanation.of(ExplanationCode.PAID_FOR_EL_NUMBER, number.value());
        }

        // Written out, as the record's own would compute them: the key most payments name.
        @Override
        public boolean equals(Object other) {
            return other instanceof El el && el.number.equals(number);
        }

        @Override
        public int hashCode() {
            return number.hashCode();
        }
    }

    record Barcode(ConvenienceBarcode barcode) implements PaymentKey {

        public Barcode {
            Objects.requireNonNull(barcode);
        }

        @Override
        public Type type() {
            return Type.CONVENIENCE_BARCODE;
        }

        @Override
        public String value() {
            return barcode.value();
        }

        @Override
        public Explanation explanation() {
            return Explanation.of(ExplanationCode.PAID_FOR_CONVENIENCE_BARCODE, barcode.value());
        }
    }

    /**
     * 顧客番号 (the municipality's own 20-character key in the 全銀 record, spaces kept) and 引落日: one debit a bank is
     * asked for. A retry on another date is another key, which the billing system lists when it asks for it.
     */
    record DirectDebit(String customerNumber, LocalDate debitDate) implements PaymentKey {

        public static final int CUSTOMER_NUMBER_LENGTH = 20;

        public DirectDebit {
            Objects.requireNonNull(debitDate);
            if (customerNumber == null || !customerNumber.matches("[0-9A-Z ]{" + CUSTOMER_NUMBER_LENGTH + "}")
                    || customerNumber.isBlank()) {
                throw new InvalidIdentifierException("顧客番号 must be " + CUSTOMER_NUMBER_LENGTH
                        + " characters of digits, capital letters and spaces");
            }
        }

        static DirectDebit parse(String value) {
            int separator = value.lastIndexOf(':');
            if (separator != CUSTOMER_NUMBER_LENGTH) {
                throw new InvalidIdentifierException("a direct-debit key must look like <顧客番号>:<YYYY-MM-DD>");
            }
            try {
                return new DirectDebit(value.substring(0, separator), LocalDate.parse(value.substring(separator + 1)));
            } catch (DateTimeParseException e) {
                throw new InvalidIdentifierException("a direct-debit key's 引落日 must be a date YYYY-MM-DD");
            }
        }

        @Override
        public Type type() {
            return Type.DIRECT_DEBIT;
        }

        @Override
        public String value() {
            return customerNumber + ":" + debitDate;
        }

        @Override
        public Explanation explanation() {
            return Explanation.of(ExplanationCode.PAID_FOR_DIRECT_DEBIT, customerNumber.strip(), debitDate);
        }
    }
}
