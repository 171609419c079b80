package org.linli.applications.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import org.linli.catalog.ItemKind;
import org.linli.catalog.TimeLimit;
import org.linli.platform.LinliException;

/**
 * An application and the rules of its life: every state change is one guarded method here, which
 * refuses (409) what the current state does not allow and returns the next state. Persistence locks
 * the row first, so two staff acting at once are serialised and the second sees the new state.
 */
record Application(long id, String number, String centerCode, String itemCode, String itemName, ItemKind kind,
        long applicantId, Long registeredBy, String channel, Status status, Map<String, String> answers,
        TimeLimit timeLimit, OffsetDateTime acceptedAt, LocalDate deadline, OffsetDateTime pausedSince,
        Status pausedFrom, String supplementRequest, String upstreamCaseNumber, String upstreamContact,
        String upstreamResult, String handover, OffsetDateTime completedAt, Integer rating, String ratingComment,
        int version) {

    enum Handover {
        PICKUP, POST, HOME_DELIVERY
    }

    /** Counts a deadline on the official calendar (or in calendar days). */
    interface Deadlines {
        LocalDate deadline(LocalDate from, TimeLimit limit);

        /** The deadline moved on by the days (in the limit's unit) from {@code pausedOn} to {@code resumedOn}. */
        LocalDate extend(LocalDate deadline, TimeLimit limit, LocalDate pausedOn, LocalDate resumedOn);
    }

    boolean allows(Action action) {
        return switch (action) {
            case ACCEPT -> status == Status.SUBMITTED;
            case REQUEST_SUPPLEMENT -> status == Status.SUBMITTED || status == Status.ACCEPTED
                    || (status == Status.FORWARDED && upstreamResult == null);
            case REFUSE -> status == Status.SUBMITTED || status == Status.ACCEPTED
                    || status == Status.SUPPLEMENT_REQUESTED;
            case FORWARD -> status == Status.ACCEPTED && kind == ItemKind.PROXY;
            case RECORD_RESULT -> status == Status.FORWARDED && upstreamResult == null;
            case COMPLETE -> (status == Status.ACCEPTED && kind == ItemKind.GOVERNMENT)
                    || (status == Status.FORWARDED && upstreamResult != null);
            case SUPPLEMENT -> status == Status.SUPPLEMENT_REQUESTED;
            case WITHDRAW -> !status.closed();
        };
    }

    private void require(Action action) {
        if (!allows(action)) {
            throw LinliException.conflict("APPLICATION_ACTION_NOT_ALLOWED", action.name(), status.name());
        }
    }

    Application accept(OffsetDateTime now, Deadlines deadlines) {
        require(Action.ACCEPT);
        LocalDate today = now.atZoneSameInstant(org.linli.platform.RequestTimes.ZONE).toLocalDate();
        return with(Status.ACCEPTED, now, deadlines.deadline(today, timeLimit), null, null, supplementRequest);
    }

    Application requestSupplement(OffsetDateTime now, String what) {
        require(Action.REQUEST_SUPPLEMENT);
        return with(Status.SUPPLEMENT_REQUESTED, acceptedAt, deadline, now, status, required("reason", what));
    }

    Application supplement(OffsetDateTime now, Deadlines deadlines) {
        require(Action.SUPPLEMENT);
        LocalDate moved = deadline == null ? null : deadlines.extend(deadline, timeLimit,
                pausedSince.atZoneSameInstant(org.linli.platform.RequestTimes.ZONE).toLocalDate(),
                now.atZoneSameInstant(org.linli.platform.RequestTimes.ZONE).toLocalDate());
        return with(pausedFrom, acceptedAt, moved, null, null, supplementRequest);
    }

    Application refuse(String reason) {
        require(Action.REFUSE);
        required("reason", reason);
        return with(Status.REFUSED, acceptedAt, deadline, null, null, supplementRequest);
    }

    Application withdraw() {
        require(Action.WITHDRAW);
        return with(Status.WITHDRAWN, acceptedAt, deadline, null, null, supplementRequest);
    }

    Application forward(String caseNumber, String contact) {
        require(Action.FORWARD);
        return new Application(id, number, centerCode, itemCode, itemName, kind, applicantId, registeredBy, channel,
                Status.FORWARDED, answers, timeLimit, acceptedAt, deadline, null, null, supplementRequest,
                required("upstreamCaseNumber", caseNumber), required("upstreamContact", contact), upstreamResult,
                handover, completedAt, rating, ratingComment, version);
    }

    Application recordResult(String result) {
        require(Action.RECORD_RESULT);
        return new Application(id, number, centerCode, itemCode, itemName, kind, applicantId, registeredBy, channel,
                status, answers, timeLimit, acceptedAt, deadline, null, null, supplementRequest, upstreamCaseNumber,
                upstreamContact, required("result", result), handover, completedAt, rating, ratingComment, version);
    }

    Application complete(OffsetDateTime now, String handoverWay) {
        require(Action.COMPLETE);
        Handover way;
        try {
            way = Handover.valueOf(required("handover", handoverWay));
        } catch (IllegalArgumentException unknown) {
            throw LinliException.invalidField("handover", "HANDOVER_UNKNOWN", handoverWay);
        }
        return new Application(id, number, centerCode, itemCode, itemName, kind, applicantId, registeredBy, channel,
                Status.COMPLETED, answers, timeLimit, acceptedAt, deadline, null, null, supplementRequest,
                upstreamCaseNumber, upstreamContact, upstreamResult, way.name(), now, rating, ratingComment, version);
    }

    Application rate(int stars, String comment) {
        if (status != Status.COMPLETED) {
            throw LinliException.conflict("APPLICATION_NOT_COMPLETED", number);
        }
        if (rating != null) {
            throw LinliException.conflict("APPLICATION_ALREADY_RATED", number);
        }
        if (stars < 1 || stars > 5) {
            throw LinliException.invalidField("stars", "RATING_OUT_OF_RANGE", 1, 5);
        }
        String text = comment == null ? null : comment.strip();
        if (text != null && text.length() > 500) {
            throw LinliException.invalidField("comment", "TEXT_TOO_LONG", 500);
        }
        return new Application(id, number, centerCode, itemCode, itemName, kind, applicantId, registeredBy, channel,
                status, answers, timeLimit, acceptedAt, deadline, pausedSince, pausedFrom, supplementRequest,
                upstreamCaseNumber, upstreamContact, upstreamResult, handover, completedAt, stars,
                text == null || text.isEmpty() ? null : text, version);
    }

    private Application with(Status next, OffsetDateTime accepted, LocalDate due, OffsetDateTime paused,
            Status from, String supplement) {
        return new Application(id, number, centerCode, itemCode, itemName, kind, applicantId, registeredBy, channel,
                next, answers, timeLimit, accepted, due, paused, from, supplement, upstreamCaseNumber, upstreamContact,
                upstreamResult, handover, completedAt, rating, ratingComment, version);
    }

    private static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw LinliException.invalidField(field, "APPLICATION_FIELD_REQUIRED", field);
        }
        String v = value.strip();
        if (v.length() > 1000) {
            throw LinliException.invalidField(field, "TEXT_TOO_LONG", 1000);
        }
        return v;
    }
}
