package io.shuno.web;

import jakarta.servlet.DispatcherType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;

/**
 * The treasury dashboard logs staff in with a form and keeps them in a session — the same users and roles as the
 * API, the same rules per act ({@link AccessRules}). Being cookie-based, its forms carry a CSRF token. A refusal is
 * a page naming the role needed. The root {@code /} belongs here too: a browser opening shuno lands on the sign-in
 * form, not on a Basic-auth popup. Ordered before the API's chain, which answers everything this one does not match.
 */
@Configuration
class DashboardSecurity {

    static final String LOGIN_PAGE = "/login";
    /** Where a refused request is forwarded to be shown, with {@link #NEEDED_ROLE} set when a role was missing. */
    static final String REFUSED_PAGE = "/dashboard/refused";
    static final String NEEDED_ROLE = DashboardSecurity.class.getName() + ".neededRole";

    private static final Logger log = LoggerFactory.getLogger(DashboardSecurity.class);

    @Bean
    @Order(1)
    SecurityFilterChain dashboard(HttpSecurity http) throws Exception {
        return http
                .securityMatcher("/", "/dashboard/**", LOGIN_PAGE, "/logout", "/css/**", "/js/**")
                .authorizeHttpRequests(requests -> {
                    requests.requestMatchers("/css/**", "/js/**").permitAll()
                            // The refusal and error pages a checked request is forwarded to.
                            .dispatcherTypeMatchers(DispatcherType.FORWARD, DispatcherType.ERROR).permitAll();
                    AccessRules.authorise(AccessRules.DASHBOARD, requests);
                    requests.anyRequest().authenticated();
                })
                .formLogin(form -> form.loginPage(LOGIN_PAGE).defaultSuccessUrl("/dashboard", true).permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl(LOGIN_PAGE + "?logout"))
                .exceptionHandling(errors -> errors.accessDeniedHandler(refused()))
                .build();
    }

    private static AccessDeniedHandler refused() {
        return (request, response, denied) -> {
            log.warn("403 {} {}: {}", request.getMethod(), request.getRequestURI(),
                    denied instanceof CsrfException ? "no valid CSRF token" : "role not sufficient");
            if (!(denied instanceof CsrfException)) {
                AccessRules.needed(AccessRules.DASHBOARD, request)
                        .ifPresent(role -> request.setAttribute(NEEDED_ROLE, role));
            }
            response.setStatus(HttpStatus.FORBIDDEN.value());
            request.getRequestDispatcher(REFUSED_PAGE).forward(request, response);
        };
    }
}
