package org.linli.roster;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/** Who is on duty at a center on a day, from its published roster (for the lobby screen). */
public interface DutyBoard {

    record OnDuty(String kind, LocalTime starts, LocalTime ends, List<String> names) {
    }

    List<OnDuty> onDuty(String centerCode, LocalDate day);
}
