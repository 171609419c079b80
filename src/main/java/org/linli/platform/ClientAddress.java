package org.linli.platform;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The caller's address for limits and the audit log. Behind a reverse proxy, set
 * {@code server.forward-headers-strategy=native} so the servlet container applies X-Forwarded-For.
 */
public final class ClientAddress {

    private ClientAddress() {
    }

    public static String of(HttpServletRequest request) {
        String address = request.getRemoteAddr();
        return address == null ? "unknown" : address;
    }
}
