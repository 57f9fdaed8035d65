package io.shuno.platform;

import java.util.List;

/**
 * CSV that Excel opens as it should: UTF-8 with a byte-order mark (without it Excel reads Japanese as Shift_JIS
 * garbage), CRLF line ends, RFC 4180 quoting, and cells that look like a formula kept as text.
 */
public final class ExcelCsv {

    private static final String BOM = "\uFEFF";

    private final StringBuilder csv = new StringBuilder(BOM);

    /** A CSV whose first row is {@code header}. */
    public ExcelCsv(String header) {
        csv.append(header).append("\r\n");
    }

    public ExcelCsv row(Object... cells) {
        csv.append(String.join(",", List.of(cells).stream().map(ExcelCsv::cell).toList())).append("\r\n");
        return this;
    }

    @Override
    public String toString() {
        return csv.toString();
    }

    /** RFC 4180 quoting; cells starting like a formula are prefixed so Excel shows them as text. */
    private static String cell(Object value) {
        String text = String.valueOf(value);
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 && !(value instanceof Number)) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
