/**
 * Notifications: how Linli tells people things. For now the SMS gateway (the development gateway
 * keeps the texts for the demo's outbox); the inbox, e-mail and the WeCom robot follow.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications")
package org.linli.notifications;
