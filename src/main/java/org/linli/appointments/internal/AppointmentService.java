package org.linli.appointments.internal;

import java.util.Locale;

/** A bookable service of a center: a window item or a room, with its slot length and capacity. */
record AppointmentService(long id, String centerCode, String code, String nameZh, String nameEn, String kind,
        String space, int slotMinutes, int capacity) {

    public String name(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? nameEn : nameZh;
    }
}
