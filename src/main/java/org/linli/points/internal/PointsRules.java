package org.linli.points.internal;

import java.time.DayOfWeek;
import java.time.OffsetDateTime;
import org.linli.centers.Centers;
import org.linli.platform.LinliException;
import org.linli.platform.RequestTimes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** A center's earning rule: points per confirmed hour, bonuses for weekend and evening service, expiry. */
@Service
class PointsRules {

    record Rule(String centerCode, int pointsPerHour, int weekendBonusPercent, int eveningBonusPercent,
            Integer expiryMonths) {

        /** Whole points for the minutes served, never rounded up. */
        long pointsFor(int netMinutes, OffsetDateTime startedAt) {
            var local = startedAt.atZoneSameInstant(RequestTimes.ZONE);
            boolean weekend = local.getDayOfWeek() == DayOfWeek.SATURDAY || local.getDayOfWeek() == DayOfWeek.SUNDAY;
            boolean evening = local.getHour() >= 18;
            int bonus = (weekend ? weekendBonusPercent : 0) + (evening ? eveningBonusPercent : 0);
            return (long) netMinutes * pointsPerHour * (100 + bonus) / 6000;
        }
    }

    private final JdbcClient jdbc;
    private final Centers centers;

    PointsRules(JdbcClient jdbc, Centers centers) {
        this.jdbc = jdbc;
        this.centers = centers;
    }

    Rule of(String centerCode) {
        return jdbc.sql("""
                select center_code, points_per_hour, weekend_bonus_percent, evening_bonus_percent, expiry_months
                  from points_rule where center_code = ?""").param(centerCode).query(Rule.class).optional()
                .orElse(new Rule(centerCode, 10, 0, 0, null));
    }

    Rule save(String centerCode, Integer perHour, Integer weekend, Integer evening, Integer expiryMonths) {
        centers.require(centerCode);
        if (perHour == null || perHour < 0 || perHour > 1000) {
            throw LinliException.invalidField("pointsPerHour", "POINTS_RULE_RANGE", 0, 1000);
        }
        if (weekend != null && (weekend < 0 || weekend > 200)) {
            throw LinliException.invalidField("weekendBonusPercent", "POINTS_RULE_RANGE", 0, 200);
        }
        if (evening != null && (evening < 0 || evening > 200)) {
            throw LinliException.invalidField("eveningBonusPercent", "POINTS_RULE_RANGE", 0, 200);
        }
        if (expiryMonths != null && (expiryMonths < 1 || expiryMonths > 120)) {
            throw LinliException.invalidField("expiryMonths", "POINTS_RULE_RANGE", 1, 120);
        }
        jdbc.sql("""
                insert into points_rule (center_code, points_per_hour, weekend_bonus_percent, evening_bonus_percent,
                       expiry_months) values (?, ?, ?, ?, ?)
                on conflict (center_code) do update set points_per_hour = excluded.points_per_hour,
                       weekend_bonus_percent = excluded.weekend_bonus_percent,
                       evening_bonus_percent = excluded.evening_bonus_percent, expiry_months = excluded.expiry_months,
                       updated_at = now()""")
                .params(centerCode, perHour, weekend == null ? 0 : weekend, evening == null ? 0 : evening, expiryMonths)
                .update();
        return of(centerCode);
    }
}
