package io.shuno.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.shuno.operations.OperationFailure;
import io.shuno.reconciliation.RefusedDecision;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Every error of the API is an RFC 9457 problem detail: Spring MVC's own (unreadable body, wrong parameter type)
 * through the base class, shuno's with the message that says what to change. Only for the API's controllers: the
 * dashboard shows its errors as pages ({@link DashboardPageAdvice}). Messages name the field and what it must be,
 * never the value sent: a body may carry personal data.
 */
@RestControllerAdvice(annotations = RestController.class)
class ApiProblems extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

    static HttpStatus status(OperationFailure.Why why) {
        return switch (why) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case OUTSIDE_MUNICIPALITIES -> HttpStatus.FORBIDDEN;
            case INVALID_REQUEST -> HttpStatus.BAD_REQUEST;
            case CONFLICT -> HttpStatus.CONFLICT;
        };
    }

    @ExceptionHandler(OperationFailure.class)
    ProblemDetail failed(OperationFailure failure, HttpServletRequest request) {
        HttpStatus status = status(failure.why());
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

    /** A query or path parameter of the wrong type: which one, and what it must look like. */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException mismatch, HttpHeaders headers,
                                                        HttpStatusCode status, WebRequest request) {
        if (mismatch instanceof MethodArgumentTypeMismatchException argument) {
            return problem(HttpStatus.BAD_REQUEST,
                    InvalidParameter.mismatched(argument.getName(), argument.getParameter()).getMessage(), request);
        }
        return super.handleTypeMismatch(mismatch, headers, status, request);
    }

    /** A body that is missing, not JSON, or has a field of the wrong type: say which, with the body expected. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException unreadable,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        String expected = expectedBody(request).map(body -> "; send " + body).orElse("");
        String detail;
        if (unreadable.getCause() instanceof MismatchedInputException mismatched && !mismatched.getPath().isEmpty()) {
            ValueTypes type = ValueTypes.of(mismatched.getTargetType());
            detail = field(mismatched) + ": must be " + type.description() + " like " + type.example() + expected;
        } else if (unreadable.getCause() instanceof JsonProcessingException json && !(json instanceof JsonMappingException)
                && json.getLocation() != null) {
            detail = "the body is not valid JSON (line " + json.getLocation().getLineNr() + ", column "
                    + json.getLocation().getColumnNr() + ")" + expected;
        } else if (unreadable.getCause() == null || unreadable.getCause() instanceof MismatchedInputException) {
            detail = "the request needs a JSON body" + expected;
        } else {
            detail = "the body could not be read as JSON" + expected;
        }
        return problem(HttpStatus.BAD_REQUEST, detail, request);
    }

    private static ResponseEntity<Object> problem(HttpStatus status, String detail, WebRequest request) {
        return ResponseEntity.status(status)
                .body(Problems.of(status, detail, ((ServletWebRequest) request).getRequest()));
    }

    private static String field(MismatchedInputException mismatched) {
        return mismatched.getPath().stream()
                .map(step -> step.getFieldName() != null ? step.getFieldName() : "[" + step.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    /** The JSON object the handler takes, its fields with their types: {"comment": a text}. */
    private static Optional<String> expectedBody(WebRequest request) {
        if (!(request.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST)
                instanceof HandlerMethod handler)) {
            return Optional.empty();
        }
        return Arrays.stream(handler.getMethodParameters())
                .filter(parameter -> parameter.hasParameterAnnotation(RequestBody.class))
                .map(MethodParameter::getParameterType).filter(Class::isRecord).findFirst()
                .map(body -> Arrays.stream(body.getRecordComponents())
                        .map(field -> "\"" + field.getName() + "\": " + ValueTypes.of(field.getType()).description())
                        .collect(Collectors.joining(", ", "{", "}")));
    }
}
