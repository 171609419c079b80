package org.linli.volunteering;

import java.time.OffsetDateTime;
import java.util.List;

/** The volunteering history dashboards are rebuilt from, as the events it would have published. */
public interface ServiceHistory {

    /** Confirmed service records started in a period, with the net minutes after corrections. */
    List<ServiceHoursRecorded> confirmed(OffsetDateTime from, OffsetDateTime to);

    /** Recruitments (not cancelled) starting in a period; without the audience they were sent to. */
    List<RecruitmentPublished> recruitments(OffsetDateTime from, OffsetDateTime to);

    /** Recruitments starting in a period whose places were all taken, with when that first happened. */
    List<RecruitmentFilled> filled(OffsetDateTime from, OffsetDateTime to);
}
