package org.linli.activities.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.linli.platform.RequestTimes;
import org.linli.testsupport.LinliWebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The day-before reminder goes out once per confirmed participant, and a clash is reported, not refused. */
@LinliWebTest
class ActivityReminderTests {

    @Autowired
    ActivityRepository activities;

    @Autowired
    Registrations registrations;

    @Autowired
    ActivityReminders reminders;

    @Autowired
    JdbcClient jdbc;

    @Test
    void confirmedParticipantsAreRemindedOnceAndClashesAreReported() throws Exception {
        OffsetDateTime now = OffsetDateTime.now(RequestTimes.ZONE);
        long person = jdbc.sql("insert into account (phone, display_name) values ('13900050001', '居民0001') returning id")
                .query(Long.class).single();
        long soon = activities.insert("xiaojie", "明早太极拳", "ELDERLY", null, now.plusHours(20), now.plusHours(21), 10,
                null, null, now.minusDays(2), now.plusHours(20), null, null, null);
        long overlapping = activities.insert("xiaojie", "同时段书法课", "CULTURE_SPORTS", null, now.plusHours(20).plusMinutes(30),
                now.plusHours(22), 10, null, null, now.minusDays(2), now.plusHours(20), null, null, null);
        assertThat(registrations.register(soon, person, now).clashes()).isEmpty();
        Registrations.Place second = registrations.register(overlapping, person, now);
        assertThat(second.status()).as("a clash warns but allows").isEqualTo(Registrations.Status.CONFIRMED);
        assertThat(second.clashes()).containsExactly("明早太极拳");
        jdbc.sql("update activity_registration set confirmed_at = now() - interval '1 day' where account_id = ?")
                .param(person).update();

        reminders.remind();
        reminders.remind();
        assertThat(jdbc.sql("select count(*) from activity_registration where account_id = ? and reminded_at is not null")
                .param(person).query(Integer.class).single()).isEqualTo(2);
        long delivered = 0;
        for (int i = 0; i < 300 && delivered < 2; i++) {
            delivered = jdbc.sql("select count(*) from notification where account_id = ? and kind = 'ACTIVITY_REMINDER'")
                    .param(person).query(Long.class).single();
            Thread.sleep(100);
        }
        assertThat(delivered).as("one reminder per activity, not per run").isEqualTo(2);
    }
}
