package io.shuno.web;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;

/**
 * The users of the operations API, from configuration ({@code shuno.security.users[n].…}): a staff id, a bcrypt
 * hash of the password, roles, and the 団体コード they act for ({@code "*"} for all municipalities).
 */
@ConfigurationProperties("shuno.security")
public record ApiUsers(List<User> users) {

    public ApiUsers {
        users = users == null ? List.of() : List.copyOf(users);
    }

    public record User(String username, String passwordHash, List<Role> roles, List<String> municipalities) {

        public User {
            roles = roles == null ? List.of() : List.copyOf(roles);
            municipalities = municipalities == null ? List.of() : List.copyOf(municipalities);
        }
    }
}
