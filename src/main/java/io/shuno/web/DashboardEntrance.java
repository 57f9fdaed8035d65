package io.shuno.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * The root leads a browser to the dashboard (and so, signed out, to the sign-in form, never a Basic-auth popup);
 * a request the dashboard's chain refuses is shown here, naming the role it needs.
 */
@Controller
@DashboardPage
class DashboardEntrance {

    private final ProblemPages pages;

    DashboardEntrance(ProblemPages pages) {
        this.pages = pages;
    }

    @GetMapping("/")
    String root() {
        return "redirect:/dashboard";
    }

    @RequestMapping(DashboardSecurity.REFUSED_PAGE)
    ModelAndView refused(HttpServletRequest request) {
        return request.getAttribute(DashboardSecurity.NEEDED_ROLE) instanceof Role role
                ? pages.page(HttpStatus.FORBIDDEN, pages.text("problem.role", pages.text("role." + role)), null,
                        request)
                : pages.page(HttpStatus.FORBIDDEN, pages.text("problem.csrf"), null, request);
    }
}
