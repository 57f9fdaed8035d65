package io.shuno.platform;

import io.shuno.reconciliation.Amount;
import io.shuno.reconciliation.Explanation;
import io.shuno.reconciliation.ExplanationCode;
import io.shuno.reconciliation.Wareki;

import java.text.MessageFormat;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The words of an exception's explanation in a language, from the message bundles the dashboard uses
 * ({@code explanation.<CODE>} in messages.properties, Japanese, and messages_en.properties): the API and the
 * dashboard render it in their reader's language, the journal in Japanese for the stored and published
 * {@code detail}. The bundles also say how the language writes yen, dates in the Japanese calendar, and lists.
 */
public final class ExplanationTexts {

    private static final String BUNDLE = "messages";
    private static final ResourceBundle.Control NO_SYSTEM_LOCALE =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
    /**
     * Each bundle's patterns, parsed once: every exception a batch raises is rendered, and parsing a pattern costs more
     * than formatting it. A MessageFormat is not safe to share between threads, so each use formats a clone.
     */
    private static final Map<Locale, Map<String, MessageFormat>> PARSED = new ConcurrentHashMap<>();

    private ExplanationTexts() {
    }

    /** The explanation as published and stored in {@code detail}: in Japanese. */
    public static String japanese(Explanation explanation) {
        return render(explanation, Locale.JAPANESE);
    }

    /** In {@code locale}'s language where the bundles have it, in Japanese otherwise. */
    public static String render(Explanation explanation, Locale locale) {
        return render(explanation, ResourceBundle.getBundle(BUNDLE, locale, NO_SYSTEM_LOCALE));
    }

    private static String render(Explanation explanation, ResourceBundle bundle) {
        List<ExplanationCode.Kind> kinds = explanation.code().kinds();
        Object[] words = new Object[kinds.size()];
        for (int i = 0; i < words.length; i++) {
            words[i] = words(kinds.get(i), explanation.arguments().get(i), bundle);
        }
        return format(bundle, "explanation." + explanation.code().name(), words);
    }

    private static String format(ResourceBundle bundle, String key, Object... words) {
        MessageFormat parsed = PARSED.computeIfAbsent(bundle.getLocale(), any -> new ConcurrentHashMap<>())
                .computeIfAbsent(key, any -> new MessageFormat(bundle.getString(key), bundle.getLocale()));
        return ((MessageFormat) parsed.clone()).format(words);
    }

    private static String words(ExplanationCode.Kind kind, Object argument, ResourceBundle bundle) {
        return switch (kind) {
            case AMOUNT -> yen(((Amount) argument).yen(), bundle);
            case SIGNED_YEN -> {
                long yen = (Long) argument;
                yield (yen > 0 ? "+" : yen < 0 ? "-" : "") + yen(Math.abs(yen), bundle);
            }
            case COUNT -> argument.toString();
            case SIGNED_COUNT -> ((Long) argument > 0 ? "+" : "") + argument;
            case DATE -> argument.toString();
            case ERA_DATE -> "wareki".equals(bundle.getString("explanation.format.eraDates"))
                    ? Wareki.date((LocalDate) argument) : argument.toString();
            case TEXT -> (String) argument;
            case TERM -> bundle.getString("term." + argument);
            case TEXTS -> String.join(bundle.getString("explanation.format.separator"),
                    ((List<?>) argument).stream().map(String.class::cast).toList());
            case EXPLANATION -> render((Explanation) argument, bundle);
            case EXPLANATIONS -> String.join(bundle.getString("explanation.format.separator"),
                    ((List<?>) argument).stream().map(part -> render((Explanation) part, bundle)).toList());
        };
    }

    private static String yen(long yen, ResourceBundle bundle) {
        return format(bundle, "explanation.format.yen", grouped(yen));
    }

    /** An amount with a comma every three digits, as both languages write yen: 12,000. */
    static String grouped(long yen) {
        String written = Long.toString(yen);
        int sign = yen < 0 ? 1 : 0;
        String digits = written.substring(sign);
        StringBuilder grouped = new StringBuilder(written.length() + digits.length() / 3).append(written, 0, sign);
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (digits.length() - i) % 3 == 0) {
                grouped.append(',');
            }
            grouped.append(digits.charAt(i));
        }
        return grouped.toString();
    }
}
