/**
 * Volunteering: volunteers (minors only with a guardian's consent, never on dangerous tasks), partner
 * organisations and teams, recruitments whose places are held by the database, check-in and out,
 * service records after MCA Order No. 67 with corrections that keep their history, and certificates
 * anyone can verify. Confirmed hours raise {@link org.linli.volunteering.ServiceHoursRecorded}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Volunteering")
package org.linli.volunteering;
