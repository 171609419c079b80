package org.linli.platform.internal.web;

import java.util.List;
import org.linli.platform.PreferenceStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    private final List<PreferenceStore> preferenceStores;

    WebConfiguration(List<PreferenceStore> preferenceStores) {
        this.preferenceStores = preferenceStores;
    }

    /**
     * No URL rewriting of links: Linli does not fingerprint its static files, and the webjars' version-less
     * paths are resolved when they are requested. Without this, every link on every page was looked up as
     * a possible static file (about 40 % of the time spent rendering a center's page, measured by thread
     * dumps under load).
     */
    @Bean
    org.springframework.boot.web.servlet.FilterRegistrationBean<org.springframework.web.servlet.resource.ResourceUrlEncodingFilter>
            resourceUrlEncodingFilter() {
        var registration = new org.springframework.boot.web.servlet.FilterRegistrationBean<>(
                new org.springframework.web.servlet.resource.ResourceUrlEncodingFilter());
        registration.setEnabled(false);
        return registration;
    }

    @Bean
    LocaleResolver localeResolver() {
        return new LinliLocaleResolver();
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new PreferenceSwitchInterceptor(preferenceStores))
                .excludePathPatterns("/api/**", "/actuator/**", "/v3/**", "/swagger-ui/**", "/css/**", "/js/**", "/icons/**",
                        "/webjars/**");
    }
}
