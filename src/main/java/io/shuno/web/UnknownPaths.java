package io.shuno.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Where a path leads to nothing, or does not take the method sent: under {@code /dashboard} a page in the staff
 * member's language, anywhere else a problem detail pointing to the API and the dashboard. No handler ran, so no
 * controller's advice applies.
 */
@ControllerAdvice
class UnknownPaths {

    private final ProblemPages pages;

    UnknownPaths(ProblemPages pages) {
        this.pages = pages;
    }

    @ExceptionHandler(NoResourceFoundException.class)
    Object unknown(HttpServletRequest request) {
        if (isDashboard(request)) {
            return pages.page(HttpStatus.NOT_FOUND, pages.text("problem.unknownPage"), null, request);
        }
        return problem(HttpStatus.NOT_FOUND, "nothing here: the API is under /api/v1 (described at /api/v1/docs), "
                + "the dashboard under /dashboard", request);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    Object notSupported(HttpRequestMethodNotSupportedException unsupported, HttpServletRequest request) {
        String allowed = String.join(", ", unsupported.getSupportedMethods() == null ? new String[0]
                : unsupported.getSupportedMethods());
        if (isDashboard(request)) {
            return pages.page(HttpStatus.METHOD_NOT_ALLOWED, pages.text("problem.unknownPage"), null, request);
        }
        return problem(HttpStatus.METHOD_NOT_ALLOWED, "this path does not take " + request.getMethod()
                + (allowed.isEmpty() ? "" : "; it takes " + allowed), request);
    }

    private static boolean isDashboard(HttpServletRequest request) {
        return request.getRequestURI().startsWith("/dashboard");
    }

    private static ResponseEntity<Object> problem(HttpStatus status, String detail, HttpServletRequest request) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.of(status, detail, request));
    }
}
