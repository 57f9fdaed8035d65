package io.shuno.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

import java.util.Locale;

/**
 * The dashboard speaks Japanese whatever the browser asks for — its users are municipal staff — and English when
 * chosen with {@code ?lang=en}; the choice is kept in a cookie.
 */
@Configuration
class DashboardLanguage implements WebMvcConfigurer {

    /** Named so, it replaces Spring MVC's resolver, which would follow the browser's Accept-Language. */
    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("shuno-lang");
        resolver.setDefaultLocale(Locale.JAPANESE);
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor();
        change.setParamName("lang");
        registry.addInterceptor(change).addPathPatterns("/dashboard/**", DashboardSecurity.LOGIN_PAGE);
    }
}
