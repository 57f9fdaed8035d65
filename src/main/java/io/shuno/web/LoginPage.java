package io.shuno.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The dashboard's login form; Spring Security checks what it posts against the configured users. */
@Controller
class LoginPage {

    @GetMapping(DashboardSecurity.LOGIN_PAGE)
    String login() {
        return "dashboard/login";
    }
}
