package org.linli.volunteering;

import java.time.OffsetDateTime;
import java.util.List;

/** Confirmed service records started in a period, as their events (with the net minutes after corrections). */
public interface ServiceHistory {

    List<ServiceHoursRecorded> confirmed(OffsetDateTime from, OffsetDateTime to);
}
