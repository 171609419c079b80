package org.linli.homevisits;

import java.time.LocalDate;
import java.util.List;

/** Visits done in a period, as their events (an erased register entry still counts by its reason). */
public interface HomeVisitHistory {

    List<HomeVisitRecorded> done(LocalDate from, LocalDate to);
}
