/**
 * Dashboards for a center, a street or the district, the district's comparison of its pilots, and the
 * lobby screen. The module keeps its own read tables, fed by other modules' events and rebuilt by
 * replaying their public histories; it never reads their tables.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Dashboard")
package org.linli.dashboard;
