package org.linli.calendar.internal;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.linli.calendar.SessionKind;
import org.linli.centers.Centers;
import org.linli.platform.LinliException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A center admin sets regular hours, extended sessions and single-date exceptions, for the center or a space. */
@Service
class HoursEditing {

    private static final List<String> WEEKDAYS = List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY");

    private final HoursRepository repository;
    private final Centers centers;

    HoursEditing(HoursRepository repository, Centers centers) {
        this.repository = repository;
        this.centers = centers;
    }

    record NewRule(String space, String dayType, String session, String opens, String closes) {
    }

    record NewException(String space, String date, Boolean closed, String session, String opens, String closes,
            String note) {
    }

    List<HoursRepository.Rule> rules(String code, String space) {
        centers.require(code);
        return repository.rules(code, space(space));
    }

    @Transactional
    List<Long> addRule(String code, NewRule rule) {
        centers.require(code);
        String space = space(rule.space());
        SessionKind session = session(rule.session());
        LocalTime opens = Times.time("opens", rule.opens());
        LocalTime closes = Times.time("closes", rule.closes());
        if (!opens.isBefore(closes)) {
            throw LinliException.invalidField("closes", "HOURS_ORDER");
        }
        List<Long> ids = new ArrayList<>();
        for (String dayType : dayTypes(rule.dayType())) {
            boolean overlaps = repository.rules(code, space).stream()
                    .filter(r -> r.dayType().equals(dayType))
                    .anyMatch(r -> opens.isBefore(r.closes()) && r.opens().isBefore(closes));
            if (overlaps) {
                throw LinliException.conflict("HOURS_OVERLAP", dayType);
            }
            ids.add(repository.addRule(code, space, dayType, session, opens, closes));
        }
        return ids;
    }

    @Transactional
    long addException(String code, NewException exception) {
        centers.require(code);
        String space = space(exception.space());
        LocalDate day = Times.date("date", exception.date());
        String note = exception.note() == null || exception.note().isBlank() ? null : exception.note().trim();
        if (note != null && note.length() > 100) {
            throw LinliException.invalidField("note", "NOTE_TOO_LONG");
        }
        if (Boolean.TRUE.equals(exception.closed())) {
            return repository.addException(code, space, day, null, null, null, note);
        }
        SessionKind session = session(exception.session());
        LocalTime opens = Times.time("opens", exception.opens());
        LocalTime closes = Times.time("closes", exception.closes());
        if (!opens.isBefore(closes)) {
            throw LinliException.invalidField("closes", "HOURS_ORDER");
        }
        return repository.addException(code, space, day, session, opens, closes, note);
    }

    @Transactional
    void deleteRule(String code, long id) {
        if (repository.deleteRule(code, id) == 0) {
            throw LinliException.notFound("HOURS_NOT_FOUND");
        }
    }

    @Transactional
    void deleteException(String code, long id) {
        if (repository.deleteException(code, id) == 0) {
            throw LinliException.notFound("HOURS_NOT_FOUND");
        }
    }

    private static List<String> dayTypes(String value) {
        String type = value == null ? "" : value.trim().toUpperCase();
        return switch (type) {
            case "MONDAY_TO_FRIDAY" -> WEEKDAYS;
            case "SATURDAY_SUNDAY" -> List.of("SATURDAY", "SUNDAY");
            case "EVERY_DAY" -> List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY");
            case "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY", "HOLIDAY" -> List.of(type);
            default -> throw LinliException.invalidField("dayType", "DAY_TYPE_INVALID");
        };
    }

    private static SessionKind session(String value) {
        try {
            return SessionKind.valueOf(value == null ? "" : value.trim().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw LinliException.invalidField("session", "SESSION_INVALID");
        }
    }

    private static String space(String value) {
        String space = value == null ? "" : value.trim();
        if (!space.isEmpty() && !space.matches("[a-z][a-z0-9-]{1,39}")) {
            throw LinliException.invalidField("space", "SPACE_CODE_INVALID");
        }
        return space;
    }
}
