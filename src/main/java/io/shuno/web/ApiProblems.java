package io.shuno.web;

import io.shuno.operations.OperationFailure;
import io.shuno.reconciliation.RefusedDecision;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of the API is an RFC 9457 problem detail: Spring MVC's own (unreadable body, wrong parameter type)
 * through the base class, shuno's with the message that says what to change. Only for the API's controllers: the
 * dashboard shows its errors as pages ({@link DashboardPageAdvice}).
 */
@RestControllerAdvice(annotations = RestController.class)
class ApiProblems extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

    @ExceptionHandler(OperationFailure.class)
    ProblemDetail failed(OperationFailure failure, HttpServletRequest request) {
        HttpStatus status = switch (failure.why()) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case OUTSIDE_MUNICIPALITIES -> HttpStatus.FORBIDDEN;
            case INVALID_REQUEST -> HttpStatus.BAD_REQUEST;
            case CONFLICT -> HttpStatus.CONFLICT;
        };
        if (status == HttpStatus.FORBIDDEN) {
            log.warn("403 {} {}: outside the caller's municipalities", request.getMethod(), request.getRequestURI());
        }
        return Problems.of(status, failure.getMessage(), request);
    }

    @ExceptionHandler(RefusedDecision.class)
    ProblemDetail refused(RefusedDecision refused, HttpServletRequest request) {
        return Problems.of(HttpStatus.UNPROCESSABLE_ENTITY, refused.getMessage(), request);
    }

    /** Anything unforeseen: the caller learns only that it failed; the log has the details for operators. */
    @ExceptionHandler(RuntimeException.class)
    ProblemDetail unexpected(RuntimeException e, HttpServletRequest request) {
        log.error("500 {} {}", request.getMethod(), request.getRequestURI(), e);
        return Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "the request failed; operators find the cause in the log",
                request);
    }
}
