package org.linli.applications;

import java.time.OffsetDateTime;
import java.util.List;

/** Every status change of every application in a period, as the events that announced them. */
public interface ApplicationHistory {

    List<ApplicationStatusChanged> between(OffsetDateTime from, OffsetDateTime to);

    /** Every rating given in a period. */
    List<ApplicationRated> ratings(OffsetDateTime from, OffsetDateTime to);
}
