/**
 * Volunteer points: a double-entry ledger (every movement a balanced transaction, entries never
 * changed), earned once per confirmed service record, spent at merchants over a short-lived QR code
 * with idempotent redemptions, reversed by a new transaction, expired oldest first, settled monthly.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Points")
package org.linli.points;
