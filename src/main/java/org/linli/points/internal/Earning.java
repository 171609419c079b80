package org.linli.points.internal;

import java.util.List;
import org.linli.volunteering.ServiceHoursCorrected;
import org.linli.volunteering.ServiceHoursRecorded;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Points follow confirmed hours: one credit per service record (the record's id is the transaction's
 * unique reference, so a redelivered event, or one republished after a crash, posts nothing more), and
 * one adjustment per approved correction.
 */
@Component
class Earning {

    private final Ledger ledger;
    private final PointsRules rules;
    private final org.springframework.context.ApplicationEventPublisher events;

    Earning(Ledger ledger, PointsRules rules, org.springframework.context.ApplicationEventPublisher events) {
        this.ledger = ledger;
        this.rules = rules;
        this.events = events;
    }

    /** Tells the dashboards what a center issued, when the ledger posted it (not when it was redelivered). */
    private java.util.Optional<Long> told(java.util.Optional<Long> posted, String centerCode, long points) {
        posted.ifPresent(tx -> events.publishEvent(new org.linli.points.PointsEarned(tx, centerCode, points,
                ledger.postedAt(tx))));
        return posted;
    }

    @ApplicationModuleListener
    void on(ServiceHoursRecorded event) {
        credit(event);
    }

    /** The credit for a confirmed record; empty when it was credited before. Its event leaves on commit. */
    @org.springframework.transaction.annotation.Transactional
    java.util.Optional<Long> credit(ServiceHoursRecorded event) {
        if (event.accountId() == null) {
            return java.util.Optional.empty();
        }
        long points = rules.of(event.centerCode()).pointsFor(event.netMinutes(), event.startedAt());
        if (points <= 0) {
            return java.util.Optional.empty();
        }
        long issuance = ledger.account(Ledger.Kind.ISSUANCE, null, event.centerCode());
        long volunteer = ledger.account(Ledger.Kind.VOLUNTEER, event.accountId(), null);
        return told(ledger.post("EARN", "service-record:" + event.serviceRecordId(),
                "志愿服务 " + event.serviceDate() + " " + event.netMinutes() + " 分钟", null,
                List.of(new Ledger.Leg(issuance, -points), new Ledger.Leg(volunteer, points))), event.centerCode(),
                points);
    }

    @ApplicationModuleListener
    void on(ServiceHoursCorrected event) {
        if (event.accountId() == null) {
            return;
        }
        var rule = rules.of(event.centerCode());
        // the same rule, bonuses included, for the record as it was and as it is now
        long before = rule.pointsFor(event.previousMinutes(), event.previousStartedAt());
        long after = rule.pointsFor(event.netMinutes(), event.startedAt());
        long delta = after - before;
        if (delta == 0) {
            return;
        }
        long issuance = ledger.account(Ledger.Kind.ISSUANCE, null, event.centerCode());
        long volunteer = ledger.account(Ledger.Kind.VOLUNTEER, event.accountId(), null);
        // a reduction takes back at most what is left: points already spent stay spent
        long change = delta > 0 ? delta : -Math.min(-delta, ledger.balance(volunteer));
        if (change != 0) {
            told(ledger.post("ADJUST", "service-record-correction:" + event.correctionId(), "服务记录更正", null,
                    List.of(new Ledger.Leg(issuance, -change), new Ledger.Leg(volunteer, change))), event.centerCode(),
                    change);
        }
    }
}
