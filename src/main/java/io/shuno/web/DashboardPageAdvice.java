package io.shuno.web;

import io.shuno.operations.OperationFailure;
import io.shuno.reconciliation.RefusedDecision;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * What every dashboard page knows of the staff member (to show only the forms their role may send — the security
 * chain refuses the others anyway), and how a refused or failed request is shown: a page in the staff member's
 * language saying what to change ({@link ProblemPages}).
 */
@ControllerAdvice(annotations = DashboardPage.class)
class DashboardPageAdvice {

    private static final Logger log = LoggerFactory.getLogger(DashboardPageAdvice.class);

    private final ProblemPages pages;

    DashboardPageAdvice(ProblemPages pages) {
        this.pages = pages;
    }

    /** The logged-in staff member as the templates need them. */
    record Staff(String id, boolean resolvesExceptions, boolean handlesDeadLetters) {

        static Staff of(Authentication authentication) {
            Set<String> authorities = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                    .collect(Collectors.toSet());
            return new Staff(authentication.getName(), authorities.contains("ROLE_" + Role.TREASURER.name()),
                    authorities.contains("ROLE_" + Role.OPERATOR.name()));
        }
    }

    @ModelAttribute("staff")
    Staff staff(Authentication authentication) {
        return Staff.of(authentication);
    }

    @ExceptionHandler(OperationFailure.class)
    ModelAndView failed(OperationFailure failure, HttpServletRequest request) {
        if (failure.why() == OperationFailure.Why.OUTSIDE_MUNICIPALITIES) {
            log.warn("403 dashboard: outside the caller's municipalities");
        }
        return pages.failed(failure, request);
    }

    @ExceptionHandler(RefusedDecision.class)
    ModelAndView refused(RefusedDecision refused, HttpServletRequest request) {
        return pages.page(HttpStatus.UNPROCESSABLE_ENTITY, pages.text("problem.refused"), refused.getMessage(),
                request);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ModelAndView mismatched(MethodArgumentTypeMismatchException mismatch, HttpServletRequest request) {
        return pages.failed(InvalidParameter.mismatched(mismatch.getName(), mismatch.getParameter()), request);
    }
}
