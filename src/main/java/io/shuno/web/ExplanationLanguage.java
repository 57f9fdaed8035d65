package io.shuno.web;

import io.shuno.exceptions.ExceptionView;
import io.shuno.operations.Page;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The language the API explains exceptions in: English when the caller's Accept-Language prefers it to Japanese,
 * Japanese otherwise — also without the header, or with one that cannot be read. (The dashboard's language is the
 * one the staff member chose, see {@link DashboardLanguage}.)
 */
final class ExplanationLanguage {

    private static final List<Locale> SPOKEN = List.of(Locale.JAPANESE, Locale.ENGLISH);

    private ExplanationLanguage() {
    }

    static Locale of(Optional<String> acceptLanguage) {
        try {
            return acceptLanguage.map(Locale.LanguageRange::parse).map(ranges -> Locale.lookup(ranges, SPOKEN))
                    .orElse(Locale.JAPANESE);
        } catch (IllegalArgumentException unreadable) {
            return Locale.JAPANESE;
        }
    }

    static Page<ExceptionView> in(Page<ExceptionView> exceptions, Locale locale) {
        return new Page<>(exceptions.items().stream().map(exception -> exception.in(locale)).toList(),
                exceptions.page(), exceptions.size(), exceptions.total());
    }
}
