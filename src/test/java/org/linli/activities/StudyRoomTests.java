package org.linli.activities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linli.testsupport.Api.assertCode;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.linli.testsupport.Api;
import org.linli.testsupport.Http;
import org.linli.testsupport.LinliWebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** A two-seat study room: live occupancy, check-in and out, seat bookings and their release after 15 minutes. */
@LinliWebTest
class StudyRoomTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Api api() {
        return new Api(port);
    }

    String resident(String phone) {
        return api().signInByPhone(phone).get("accessToken").asString();
    }

    JsonNode occupancy() {
        return Http.json(api().http().get("/api/v1/centers/xiaojie/spaces/quiet-room/occupancy"));
    }

    @Test
    void theRoomNeverHoldsMoreThanItsSeatsAndUnusedBookingsAreReleased() {
        String admin = api().token("xiaojie-center-admin");
        assertThat(api().send("PUT", "/api/v1/centers/xiaojie/spaces/quiet-room", admin,
                "{\"name\":\"安静自习角\",\"type\":\"STUDY_ROOM\",\"capacity\":2,\"bookable\":false}").statusCode())
                .isEqualTo(200);
        String a = resident("13900070001");
        String b = resident("13900070002");
        String c = resident("13900070003");
        String visits = "/api/v1/centers/xiaojie/spaces/quiet-room/visits";
        assertThat(api().send("POST", visits, a, null).statusCode()).isEqualTo(201);
        assertCode(api().send("POST", visits, a, null), 409, "ALREADY_INSIDE");
        assertThat(api().send("POST", visits, b, null).statusCode()).isEqualTo(201);
        assertThat(occupancy().get("free").asInt()).isZero();
        assertCode(api().send("POST", visits, c, null), 409, "STUDY_ROOM_FULL");
        assertThat(api().send("POST", visits + "/checkout", a, null).statusCode()).isEqualTo(200);
        assertCode(api().send("POST", visits + "/checkout", a, null), 404, "NOT_INSIDE");
        assertThat(api().send("POST", visits, c, null).statusCode()).isEqualTo(201);
        JsonNode now = occupancy();
        assertThat(now.get("inside").asInt()).isEqualTo(2);
        assertThat(now.get("visitorsToday").asInt()).isEqualTo(3);

        // a booking not used 15 minutes after its start no longer holds a seat; one still in time does
        api().send("POST", visits + "/checkout", b, null);
        api().send("POST", visits + "/checkout", c, null);
        long space = jdbc.sql("select id from space where center_code = 'xiaojie' and code = 'quiet-room'")
                .query(Long.class).single();
        long late = jdbc.sql("insert into account (phone, display_name) values ('13900070004', '居民0004') returning id")
                .query(Long.class).single();
        long onTime = jdbc.sql("select id from account where phone = '13900070003'").query(Long.class).single();
        jdbc.sql("""
                insert into seat_booking (space_id, account_id, starts_at, ends_at)
                values (?, ?, now() - interval '20 minutes', now() + interval '1 hour'),
                       (?, ?, now() - interval '5 minutes', now() + interval '1 hour')""")
                .params(space, late, space, onTime).update();
        assertThat(occupancy().get("held").asInt()).as("only the booking still in time").isEqualTo(1);
        assertThat(occupancy().get("free").asInt()).isEqualTo(1);
        assertThat(api().send("POST", visits, a, null).statusCode()).isEqualTo(201);
        assertCode(api().send("POST", visits, b, null), 409, "STUDY_ROOM_FULL");
        assertThat(api().send("POST", visits, c, null).statusCode()).as("her booking holds her seat").isEqualTo(201);
        assertThat(jdbc.sql("select status from seat_booking where account_id = ?").param(onTime).query(String.class)
                .single()).isEqualTo("USED");
        // the sweep may or may not have tidied it yet (it runs every 30 s); either way it never became USED
        assertThat(jdbc.sql("select status from seat_booking where account_id = ?").param(late).query(String.class)
                .single()).isIn("BOOKED", "RELEASED");
    }

    @Test
    void seatsAreBookedWithinHoursAndNeverOverbooked() {
        String admin = api().token("xiaojie-center-admin");
        api().send("PUT", "/api/v1/centers/xiaojie/spaces/reading-seats", admin,
                "{\"name\":\"阅览座位\",\"type\":\"STUDY_ROOM\",\"capacity\":1,\"bookable\":false}");
        LocalDate day = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(4);
        while (day.getDayOfWeek() != DayOfWeek.TUESDAY || !Http.json(api().http().get("/api/v1/calendar/" + day))
                .get("dayKind").asString().equals("WORKDAY")) {
            day = day.plusDays(1);
        }
        String seats = "/api/v1/centers/xiaojie/spaces/reading-seats/seat-bookings";
        String body = "{\"startsAt\":\"" + day + "T15:00\",\"endsAt\":\"" + day + "T16:00\"}";
        String d = resident("13900070005");
        assertThat(api().send("POST", seats, d, body).statusCode()).isEqualTo(201);
        assertCode(api().send("POST", seats, d, body), 409, "SEAT_ALREADY_BOOKED");
        assertCode(api().send("POST", seats, resident("13900070006"), body), 409, "STUDY_ROOM_FULL");
        assertCode(api().send("POST", seats, d, "{\"startsAt\":\"" + day + "T23:00\",\"endsAt\":\"" + day
                + "T23:30\"}"), 409, "SPACE_CLOSED");
        assertCode(api().http().get("/api/v1/centers/xiaojie/spaces/meeting-room/occupancy"), 409, "NOT_A_STUDY_ROOM");
    }
}
