package org.linli.identity.internal.security;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.linli.centers.Centers;
import org.linli.identity.Callers;
import org.linli.platform.Access;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class SecurityWebConfiguration implements WebMvcConfigurer {

    private final Callers callers;
    private final Centers centers;
    private final org.linli.audit.AuditLog audit;

    SecurityWebConfiguration(Callers callers, Centers centers, org.linli.audit.AuditLog audit) {
        this.callers = callers;
        this.centers = centers;
        this.audit = audit;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new AccessInterceptor(callers, centers));
        registry.addInterceptor(new ExportAuditInterceptor(callers, audit));
    }

    @Bean
    OpenAPI linliOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Linli 邻里 API").version("v1")
                        .description("Neighbourhood service centers. Errors are RFC 9457 problem details with a stable code."))
                .components(new Components().addSecuritySchemes("bearer",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")));
    }

    /** Operations behind {@link Access} need a bearer token; the document says so, and which roles. */
    @Bean
    OperationCustomizer accessInOpenApi() {
        return (operation, handler) -> {
            Access access = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), Access.class);
            if (access == null) {
                access = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), Access.class);
            }
            if (access != null) {
                operation.addSecurityItem(new SecurityRequirement().addList("bearer"));
                String roles = access.roles().length == 0 ? "any signed-in account"
                        : Arrays.stream(access.roles()).map(Enum::name).collect(Collectors.joining(", "));
                operation.description((operation.getDescription() == null ? "" : operation.getDescription() + " ")
                        + "Roles: " + roles + ".");
            }
            return operation;
        };
    }
}
