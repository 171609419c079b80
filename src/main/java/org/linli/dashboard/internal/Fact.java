package org.linli.dashboard.internal;

import java.time.LocalDate;

/** One counted thing: the event's key (so it counts once), where, when, what, which kind, how much. */
record Fact(String key, String centerCode, LocalDate day, String metric, String dim, long value) {
}
