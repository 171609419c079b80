package org.linli.platform;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Where a signed-in person's language and elder mode are kept beyond the browser's cookie. The platform
 * calls it when someone switches; the identity module implements it for signed-in accounts.
 */
public interface PreferenceStore {

    /** {@code language} is {@code zh-CN} or {@code en}; {@code elderMode} may be null (unchanged). */
    void save(HttpServletRequest request, String language, Boolean elderMode);
}
