package org.linli.identity.internal.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.linli.centers.Center;
import org.linli.centers.Centers;
import org.linli.identity.Caller;
import org.linli.identity.Callers;
import org.linli.platform.Access;
import org.linli.platform.LinliException;
import org.linli.platform.Public;
import org.linli.platform.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * The one place where access is decided, for pages and API alike (see {@link Access}). Runs before
 * the request body is read, so a caller outside the scope learns nothing from validation errors.
 */
class AccessInterceptor implements HandlerInterceptor {

    private static final Logger log = LoggerFactory.getLogger(AccessInterceptor.class);
    private static final Set<Role> PERSONAL = EnumSet.of(Role.RESIDENT, Role.VOLUNTEER);

    private final Callers callers;
    private final Centers centers;

    AccessInterceptor(Callers callers, Centers centers) {
        this.callers = callers;
        this.centers = centers;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws Exception {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        boolean api = request.getRequestURI().startsWith("/api/");
        Access access = find(method, Access.class);
        if (access == null) {
            if (api && find(method, Public.class) == null && !method.getBeanType().getName().startsWith("org.springdoc")) {
                log.error("{} declares neither @Access nor @Public; refusing", method);
                throw LinliException.forbidden("FORBIDDEN");
            }
            return true;
        }
        Caller caller = callers.current().orElse(null);
        if (caller == null) {
            if (api) {
                throw LinliException.unauthorized("UNAUTHENTICATED");
            }
            response.sendRedirect("/login?next=" + URLEncoder.encode(pathWithQuery(request), StandardCharsets.UTF_8));
            return false;
        }
        if (caller.passwordChangeRequired() && !access.whilePasswordExpired()) {
            if (api) {
                throw LinliException.forbidden("PASSWORD_EXPIRED");
            }
            response.sendRedirect("/account/password");
            return false;
        }
        Set<Role> roles = access.roles().length == 0 ? Set.of() : EnumSet.copyOf(List.of(access.roles()));
        String code = centerCode(request);
        if (code != null) {
            Center center = centers.require(code);
            List<String> path = centers.path(center).stream().map(c -> c.code().value()).toList();
            boolean personal = roles.stream().anyMatch(PERSONAL::contains) && caller.covers(path, roles);
            if (!personal && !caller.covers(path, Set.of())) {
                throw LinliException.notFound("CENTER_NOT_FOUND", code);
            }
            if (!roles.isEmpty() && !caller.covers(path, roles)) {
                throw LinliException.forbidden("FORBIDDEN");
            }
        } else if (!roles.isEmpty() && caller.grants().stream().noneMatch(g -> roles.contains(g.role()))) {
            throw LinliException.forbidden("FORBIDDEN");
        }
        return true;
    }

    @SuppressWarnings("unchecked")
    private static String centerCode(HttpServletRequest request) {
        Object vars = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        return vars instanceof Map<?, ?> map ? ((Map<String, String>) map).get("code") : null;
    }

    private static <A extends java.lang.annotation.Annotation> A find(HandlerMethod method, Class<A> type) {
        A onMethod = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), type);
        return onMethod != null ? onMethod : AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), type);
    }

    private static String pathWithQuery(HttpServletRequest request) {
        String query = request.getQueryString();
        return request.getRequestURI() + (query == null ? "" : "?" + query);
    }
}
