/**
 * Calendar: the official calendar of public holidays and adjusted working days, working-day
 * arithmetic, and each center's (and space's) opening hours with extended sessions and exceptions.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Calendar")
package org.linli.calendar;
