package org.linli.volunteering;

import java.util.List;

/** Confirmed service records as the events that announced them, for a module catching up (demo data, a rebuild). */
public interface ConfirmedHours {

    /** Every confirmed record of a center, oldest first. */
    List<ServiceHoursRecorded> confirmedAt(String centerCode);
}
