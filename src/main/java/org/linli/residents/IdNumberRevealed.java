package org.linli.residents;

/**
 * A staff member looked at a resident's full ID number. The resident is told who, when and why.
 *
 * @param auditId the audit log entry recording the look (the id this event is about)
 */
public record IdNumberRevealed(long auditId, long residentAccountId, String staffName, String centerCode,
        String reason) {
}
