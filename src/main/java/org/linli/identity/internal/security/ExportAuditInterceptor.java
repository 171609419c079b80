package org.linli.identity.internal.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.linli.audit.AuditEvent;
import org.linli.audit.AuditLog;
import org.linli.identity.Callers;
import org.linli.platform.ClientAddress;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Every register a signed-in caller downloads as a spreadsheet (rosters, ledgers, dashboards,
 * statements, import templates) is written to the audit log: who, which file, which center, from
 * where. Exports with their own entry (the volunteers' CSV) are not spreadsheets, so none is logged twice.
 */
class ExportAuditInterceptor implements HandlerInterceptor {

    static final String SPREADSHEET = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final Callers callers;
    private final AuditLog audit;

    ExportAuditInterceptor(Callers callers, AuditLog audit) {
        this.callers = callers;
        this.audit = audit;
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
            Exception failure) {
        String type = response.getContentType();
        if (failure != null || response.getStatus() != 200 || type == null || !type.startsWith(SPREADSHEET)) {
            return;
        }
        callers.current().ifPresent(caller -> {
            Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
            String center = variables instanceof Map<?, ?> map && map.get("code") instanceof String code ? code : null;
            String path = request.getRequestURI();
            String query = request.getQueryString();
            audit.record(new AuditEvent(caller.accountId(), null, "EXPORTED",
                    path.length() > 120 ? path.substring(0, 120) : path, center, ClientAddress.of(request),
                    query == null ? null : query.substring(0, Math.min(query.length(), 500))));
        });
    }
}
