package org.linli.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Who may call a handler. Checked in one place (the access interceptor) for every request:
 * <ul>
 * <li>not signed in → 401 (API) or the sign-in page (pages);</li>
 * <li>the handler has a center in its path ({@code {code}}) that none of the caller's grants covers
 *     → 404, as if it did not exist;</li>
 * <li>the center is visible but no grant of {@link #roles()} covers it → 403.</li>
 * </ul>
 * An {@code /api} handler without this annotation or {@link Public} is refused: access is never
 * forgotten by accident.
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Access {

    /** Roles that may call it; empty means anyone signed in. */
    Role[] roles() default {};

    /** Whether someone whose password has expired may still call it (to change the password). */
    boolean whilePasswordExpired() default false;
}
