package io.shuno.files;

/**
 * A dropped file is not sound (layout, order, encoding, totals): it is refused whole. The reason is said in Japanese
 * for the clerk and in English for the operator, naming the record but never quoting names or account numbers.
 */
public class FileRejectedException extends RuntimeException {

    private final String reasonJa;

    public FileRejectedException(String reasonJa, String reasonEn) {
        super(reasonEn);
        this.reasonJa = reasonJa;
    }

    public String reasonJa() {
        return reasonJa;
    }

    public String reasonEn() {
        return getMessage();
    }

    /** Both, Japanese first, on one line. */
    public String reason() {
        return reasonJa + " / " + reasonEn();
    }
}
