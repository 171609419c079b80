/**
 * Identity: accounts, sign-in (phone and one-time code; username and password), tokens, and the
 * (role, scope) pairs that decide what each person sees. {@link org.linli.platform.Access} on a
 * handler and the access interceptor are the one place where scope is enforced.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity")
package org.linli.identity;
