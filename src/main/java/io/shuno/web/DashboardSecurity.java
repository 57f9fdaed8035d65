package io.shuno.web;

import jakarta.servlet.DispatcherType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The treasury dashboard logs staff in with a form and keeps them in a session — the same users and roles as the
 * API, the same rules per act. Being cookie-based, its forms carry a CSRF token. Ordered before the API's chain,
 * which answers everything this one does not match.
 */
@Configuration
class DashboardSecurity {

    static final String LOGIN_PAGE = "/login";

    @Bean
    @Order(1)
    SecurityFilterChain dashboard(HttpSecurity http) throws Exception {
        return http
                .securityMatcher("/dashboard/**", LOGIN_PAGE, "/logout", "/css/**", "/js/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/css/**", "/js/**").permitAll()
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers(HttpMethod.POST, "/dashboard/exceptions/**").hasRole(Role.TREASURER.name())
                        .requestMatchers(HttpMethod.POST, "/dashboard/dead-letters/**").hasRole(Role.OPERATOR.name())
                        // Replay jobs are an operator's business, as in the API.
                        .requestMatchers("/dashboard/dead-letters/replays/**").hasRole(Role.OPERATOR.name())
                        .requestMatchers("/dashboard/**").hasRole(Role.VIEWER.name())
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage(LOGIN_PAGE).defaultSuccessUrl("/dashboard", true).permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl(LOGIN_PAGE + "?logout"))
                .build();
    }
}
