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
