/**
 * Appointments: slots for window items and room services that exist only while the center (or the
 * space) is open, bookings that never exceed a slot's capacity, reminders, calendar files, and the
 * day's list and walk-ins at the window.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Appointments")
package org.linli.appointments;
