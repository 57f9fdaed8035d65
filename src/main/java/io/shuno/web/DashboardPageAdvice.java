package io.shuno.web;

import io.shuno.operations.OperationFailure;
import io.shuno.reconciliation.RefusedDecision;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.server.ResponseStatusException;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * What every dashboard page knows of the staff member (to show only the forms their role may send — the security
 * chain refuses the others anyway), and how a refused or failed request is shown: a page with the status and the
 * same message the API would give.
 */
@ControllerAdvice(annotations = DashboardPage.class)
class DashboardPageAdvice {

    private static final Logger log = LoggerFactory.getLogger(DashboardPageAdvice.class);

    /** The logged-in staff member as the templates need them. */
    record Staff(String id, boolean resolvesExceptions, boolean handlesDeadLetters) {
    }

    @ModelAttribute("staff")
    Staff staff(Authentication authentication) {
        Set<String> authorities = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .collect(Collectors.toSet());
        return new Staff(authentication.getName(), authorities.contains("ROLE_" + Role.TREASURER.name()),
                authorities.contains("ROLE_" + Role.OPERATOR.name()));
    }

    @ExceptionHandler(OperationFailure.class)
    String failed(OperationFailure failure, HttpServletResponse response, Model model) {
        return page(switch (failure.why()) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case OUTSIDE_MUNICIPALITIES -> HttpStatus.FORBIDDEN;
            case INVALID_REQUEST -> HttpStatus.BAD_REQUEST;
            case CONFLICT -> HttpStatus.CONFLICT;
        }, failure.getMessage(), response, model);
    }

    @ExceptionHandler(RefusedDecision.class)
    String refused(RefusedDecision refused, HttpServletResponse response, Model model) {
        return page(HttpStatus.UNPROCESSABLE_ENTITY, refused.getMessage(), response, model);
    }

    @ExceptionHandler(ResponseStatusException.class)
    String invalid(ResponseStatusException invalid, HttpServletResponse response, Model model) {
        return page(HttpStatus.valueOf(invalid.getStatusCode().value()), invalid.getReason(), response, model);
    }

    private static String page(HttpStatus status, String message, HttpServletResponse response, Model model) {
        if (status == HttpStatus.FORBIDDEN) {
            log.warn("403 dashboard: outside the caller's municipalities");
        }
        response.setStatus(status.value());
        model.addAttribute("status", status.value());
        model.addAttribute("message", message);
        return "dashboard/error";
    }
}
