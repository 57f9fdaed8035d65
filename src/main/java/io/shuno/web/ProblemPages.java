package io.shuno.web;

import io.shuno.operations.OperationFailure;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

import java.util.Locale;
import java.util.Optional;

/**
 * A refused or failed dashboard request as a page in the staff member's language: what to change, from the message
 * bundles, keyed by the field the failure names ({@code comment: …} → {@code problem.field.comment}) or else by its
 * kind; the operation's own (English) words are added only where the bundle has nothing more specific. The header
 * keeps the staff member's name.
 */
@Component
class ProblemPages {

    private final MessageSource messages;

    ProblemPages(MessageSource messages) {
        this.messages = messages;
    }

    ModelAndView failed(OperationFailure failure, HttpServletRequest request) {
        HttpStatus status = ApiProblems.status(failure.why());
        if (failure instanceof InvalidParameter invalid) {
            return page(status, text("problem.parameter", label(invalid.parameter()), invalid.accepted()), null,
                    request);
        }
        Optional<String> specific = Problems.field(failure.getMessage())
                .flatMap(field -> optionalText("problem.field." + field));
        return specific.map(text -> page(status, text, null, request))
                .orElseGet(() -> page(status, text("problem." + failure.why()), failure.getMessage(), request));
    }

    /** A page with a text from the bundles and, where it says more than that text, the technical detail. */
    ModelAndView page(HttpStatus status, String problem, String detail, HttpServletRequest request) {
        ModelAndView page = new ModelAndView("dashboard/error", status);
        page.addObject("status", status.value());
        page.addObject("problem", problem);
        page.addObject("detail", detail);
        if (request.getUserPrincipal() instanceof Authentication signedIn) {
            page.addObject("staff", DashboardPageAdvice.Staff.of(signedIn));
        }
        return page;
    }

    String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments, locale());
    }

    private Optional<String> optionalText(String key) {
        return Optional.ofNullable(messages.getMessage(key, null, null, locale()));
    }

    private String label(String parameter) {
        return messages.getMessage("parameter." + parameter, null, parameter, locale());
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
