/**
 * Audit: the append-only record of who did what, when and from where — sign-ins, lockouts, role
 * changes and every look at a full record. The auditor reads it; nobody edits it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit")
package org.linli.audit;
