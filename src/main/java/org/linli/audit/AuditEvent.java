package org.linli.audit;

/**
 * One line of the audit log.
 *
 * @param actorId    the account that acted, or null (an unknown phone or username)
 * @param actorLabel what identifies the actor when there is no account (a masked phone, a username)
 * @param action     e.g. {@code SIGN_IN}, {@code SIGN_IN_FAILED}, {@code ACCOUNT_LOCKED}, {@code ROLE_GRANTED}
 * @param subject    what it was done to (an account id, a center code), if anything
 * @param centerCode the center whose scope this belongs to, if any
 */
public record AuditEvent(Long actorId, String actorLabel, String action, String subject, String centerCode,
        String clientIp, String detail) {
}
