package io.shuno.web;

import jakarta.servlet.DispatcherType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Every endpoint needs HTTP Basic authentication except the health status that probes and load balancers call.
 * Reading needs VIEWER, dead-letter acts OPERATOR, exception decisions TREASURER. Refusals are problem details
 * and are logged with method, path and status only — never who or with what credentials. The dashboard's chain
 * ({@link DashboardSecurity}) comes first; this one takes every request that one leaves.
 */
@Configuration
class ApiSecurity {

    private static final Logger log = LoggerFactory.getLogger(ApiSecurity.class);

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    @Order(2)
    SecurityFilterChain api(HttpSecurity http, Problems problems) throws Exception {
        AuthenticationEntryPoint unauthenticated = (request, response, e) -> {
            log.warn("401 {} {}: no valid credentials", request.getMethod(), request.getRequestURI());
            response.setHeader("WWW-Authenticate", "Basic realm=\"shuno\"");
            problems.write(request, response, HttpStatus.UNAUTHORIZED,
                    "authentication required: send HTTP Basic credentials of a shuno user");
        };
        return http
                // A stateless API authenticated on every request: no session, so no cookie for CSRF to abuse.
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**").permitAll()
                        // Where a failed request is forwarded to be rendered; the request itself was checked.
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        // The payout list instructs payments to payers: for those who decide refunds.
                        .requestMatchers(HttpMethod.GET, "/api/v1/refunds/**").hasRole(Role.TREASURER.name())
                        .requestMatchers(HttpMethod.GET, "/api/v1/**").hasRole(Role.VIEWER.name())
                        .requestMatchers(HttpMethod.POST, "/api/v1/dead-letters/**").hasRole(Role.OPERATOR.name())
                        .requestMatchers(HttpMethod.POST, "/api/v1/exceptions/**").hasRole(Role.TREASURER.name())
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.realmName("shuno").authenticationEntryPoint(unauthenticated))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler((request, response, e) -> {
                            log.warn("403 {} {}: role not sufficient", request.getMethod(), request.getRequestURI());
                            problems.write(request, response, HttpStatus.FORBIDDEN,
                                    "your role does not allow this request");
                        }))
                .build();
    }
}
