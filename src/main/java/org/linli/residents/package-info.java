/**
 * Residents: real-name details (encrypted, shown masked), households (a guardian and a child, a grown
 * child and an elderly parent who consented), consents, and every look at a full record logged.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Residents")
package org.linli.residents;
