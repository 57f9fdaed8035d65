package io.shuno.web;

import io.shuno.operations.Actor;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The configured API users: Spring Security authenticates against them, and operations learn from them which
 * municipalities a caller acts for. Under the {@code prod} profile shuno refuses to start while any user still has
 * the documented demo password.
 */
@Component
class ApiUserDirectory implements UserDetailsService {

    /** The password of every demo user in application.yml; documented, so never acceptable in production. */
    static final String DEMO_PASSWORD = "shuno-demo";
    static final String ALL_MUNICIPALITIES = "*";

    private final Map<String, ApiUsers.User> byName = new LinkedHashMap<>();

    ApiUserDirectory(ApiUsers users, PasswordEncoder passwords, Environment environment) {
        boolean production = environment.acceptsProfiles(Profiles.of("prod"));
        for (ApiUsers.User user : users.users()) {
            if (production && passwords.matches(DEMO_PASSWORD, user.passwordHash())) {
                throw new IllegalStateException("shuno.security.users: user " + user.username() + " still has the "
                        + "demo password; replace the demo users before running with the prod profile");
            }
            byName.put(user.username(), user);
        }
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        ApiUsers.User user = byName.get(username);
        if (user == null) {
            throw new UsernameNotFoundException("unknown user");
        }
        Set<Role> roles = new HashSet<>();
        user.roles().forEach(role -> roles.addAll(role.granted()));
        return User.withUsername(user.username()).password(user.passwordHash())
                .authorities(roles.stream().map(role -> new SimpleGrantedAuthority("ROLE_" + role.name())).toList())
                .build();
    }

    /** The authenticated caller as operations see them. */
    Actor actor(Authentication authentication) {
        ApiUsers.User user = byName.get(authentication.getName());
        return new Actor(user.username(), Set.copyOf(user.municipalities()),
                user.municipalities().contains(ALL_MUNICIPALITIES));
    }
}
