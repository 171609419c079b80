/**
 * Duty roster for the extended hours: shifts come from the calendar's extended sessions, a real
 * constraint solver (OptaPlanner) assigns staff under hard rules (availability, one extended shift a
 * day) and spreads duties fairly, the admin publishes, staff see their duties and a calendar feed.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Roster")
package org.linli.roster;
