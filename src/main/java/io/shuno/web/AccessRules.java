package io.shuno.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import java.util.List;
import java.util.Optional;

/**
 * The least role each act needs, in one place: the security chains authorise by these rules, and a refusal names
 * the role the rule asked for, so a 403 says what to ask an administrator for. The first matching rule applies.
 */
final class AccessRules {

    /** Requests of {@code method} (any method when null) to paths matching {@code pattern} need {@code role}. */
    record Rule(HttpMethod method, String pattern, Role role) {

        RequestMatcher matcher() {
            return PathPatternRequestMatcher.withDefaults().matcher(method, pattern);
        }
    }

    static final List<Rule> API = List.of(
            // The payout list instructs payments to payers: for those who decide refunds.
            new Rule(HttpMethod.GET, "/api/v1/refunds/**", Role.TREASURER),
            new Rule(HttpMethod.GET, "/api/v1/**", Role.VIEWER),
            new Rule(HttpMethod.POST, "/api/v1/dead-letters/**", Role.OPERATOR),
            new Rule(HttpMethod.POST, "/api/v1/exceptions/**", Role.TREASURER));

    static final List<Rule> DASHBOARD = List.of(
            new Rule(HttpMethod.POST, "/dashboard/exceptions/**", Role.TREASURER),
            new Rule(HttpMethod.POST, "/dashboard/dead-letters/**", Role.OPERATOR),
            // Replay jobs are an operator's business, as in the API.
            new Rule(null, "/dashboard/dead-letters/replays/**", Role.OPERATOR),
            new Rule(null, "/dashboard/**", Role.VIEWER));

    private AccessRules() {
    }

    static void authorise(List<Rule> rules,
                          AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry requests) {
        for (Rule rule : rules) {
            requests.requestMatchers(rule.matcher()).hasRole(rule.role().name());
        }
    }

    /** The role the first rule matching the request asks for. */
    static Optional<Role> needed(List<Rule> rules, HttpServletRequest request) {
        return rules.stream().filter(rule -> rule.matcher().matches(request)).map(Rule::role).findFirst();
    }
}
