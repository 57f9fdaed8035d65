package io.shuno.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.net.URI;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RFC 9457 problem details, also written where no controller runs: the security filters' 401 and 403. A detail
 * that starts with the name of the field to change ({@code comment: …}, the convention of shuno's messages) names
 * it in the property {@code field} too, for clients that point at the field.
 */
@Component
class Problems {

    private static final Pattern FIELD = Pattern.compile("^([A-Za-z][A-Za-z0-9.\\[\\]]*): ");

    private final ObjectMapper json;

    Problems(ObjectMapper json) {
        this.json = json;
    }

    void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
            throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), of(status, detail, request));
    }

    static ProblemDetail of(HttpStatus status, String detail, HttpServletRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setInstance(URI.create(request.getRequestURI()));
        field(detail).ifPresent(field -> problem.setProperty("field", field));
        return problem;
    }

    /** The field a message names first ({@code comment: say why …} → comment), if it does. */
    static Optional<String> field(String message) {
        Matcher field = FIELD.matcher(message == null ? "" : message);
        return field.find() ? Optional.of(field.group(1)) : Optional.empty();
    }
}
