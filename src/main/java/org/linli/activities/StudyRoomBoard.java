package org.linli.activities;

import java.util.List;

/** The study rooms of a center and how full they are now (for the lobby screen and dashboards). */
public interface StudyRoomBoard {

    record Room(String code, String name, int capacity, int inside, int held, int free, int visitorsToday) {
    }

    List<Room> rooms(String centerCode);
}
