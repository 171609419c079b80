package org.linli.appointments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linli.testsupport.Api.assertCode;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.StreamSupport;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
import org.linli.testsupport.Api;
import org.linli.testsupport.Http;
import org.linli.testsupport.LinliWebTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Booking a window or a room at 小街: slots only while open, capacity, cancel, move, calendar file, reminders. */
@LinliWebTest
class AppointmentApiTests {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final int HORIZON_DAYS = 60;

    @LocalServerPort
    int port;

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    Api api() {
        return new Api(port);
    }

    /**
     * The n-th Wednesday (1 to 4) of the booking horizon, skipping the fixed public-holiday weeks,
     * so the day keeps the ordinary schedule whenever the suite runs. The web tests book up to
     * {@value #HORIZON_DAYS} days ahead ({@code linli.appointments.booking-days}), which always holds
     * at least six such Wednesdays.
     */
    static LocalDate wednesday(int n) {
        List<LocalDate> wednesdays = new java.util.ArrayList<>();
        LocalDate today = LocalDate.now(SHANGHAI);
        for (LocalDate d = today.plusDays(1); !d.isAfter(today.plusDays(HORIZON_DAYS - 1)); d = d.plusDays(1)) {
            if (d.getDayOfWeek() == DayOfWeek.WEDNESDAY && ordinary(d)) {
                wednesdays.add(d);
            }
        }
        assertThat(wednesdays).as("Wednesdays in the horizon").hasSizeGreaterThanOrEqualTo(n);
        return wednesdays.get(n - 1);
    }

    private static boolean ordinary(LocalDate d) {
        int md = d.getMonthValue() * 100 + d.getDayOfMonth();
        return !(md >= 101 && md <= 103) && !(md >= 404 && md <= 406) && !(md >= 501 && md <= 505)
                && !(md >= 1001 && md <= 1008);
    }

    static String at(LocalDate day, String time) {
        return day + "T" + time + ":00+08:00";
    }

    List<String> slotStarts(String service, LocalDate day) {
        JsonNode slots = Http.json(api().http().get("/api/v1/centers/xiaojie/appointment-services/" + service
                + "/slots?date=" + day)).get("slots");
        return StreamSupport.stream(slots.spliterator(), false).map(s -> s.get("start").asString().substring(11, 16))
                .toList();
    }

    @Test
    void slotsExistOnlyWhileTheCenterIsOpenIncludingExtendedSessions() {
        LocalDate day = wednesday(1);
        List<String> starts = slotStarts("social-insurance", day);
        assertThat(starts).contains("09:00", "12:00", "13:30", "17:30", "19:00", "20:30")
                .doesNotContain("08:30", "18:00", "18:30", "21:00");
        LocalDate saturday = day.plusDays(3);
        while (!Http.json(api().http().get("/api/v1/calendar/" + saturday)).get("dayKind").asString().equals("WEEKEND")) {
            saturday = saturday.plusWeeks(1);
        }
        assertThat(slotStarts("legal", saturday)).as("Saturday, 周末延 10–17")
                .containsExactly("10:00", "11:00", "12:00", "13:00", "14:00", "15:00", "16:00");
        assertCode(api().http().get("/api/v1/centers/xiaojie/appointment-services/nothing/slots"), 404,
                "SERVICE_NOT_FOUND");
        assertCode(api().http().get("/api/v1/centers/xiaojie/appointment-services/legal/slots?date=2026-02-30"), 400,
                "DATE_INVALID");
    }

    @Test
    void aResidentBooksCancelsAndMovesAndCannotTouchSomeoneElses() throws Exception {
        LocalDate day = wednesday(2);
        String resident = api().signInByPhone("13900008001").get("accessToken").asString();
        String path = "/api/v1/centers/xiaojie/appointment-services/legal/bookings";
        HttpResponse<String> booked = api().send("POST", path, resident, "{\"start\":\"" + at(day, "19:00") + "\"}");
        assertThat(booked.statusCode()).as(booked.body()).isEqualTo(201);
        long id = Http.json(booked).get("id").asLong();
        assertThat(Http.json(booked).get("startsAt").asString()).isEqualTo(at(day, "19:00"));

        assertCode(api().send("POST", path, resident, "{\"start\":\"" + at(day, "19:00") + "\"}"), 409, "ALREADY_BOOKED");
        String other = api().signInByPhone("13900008002").get("accessToken").asString();
        assertCode(api().send("POST", path, other, "{\"start\":\"" + at(day, "19:00") + "\"}"), 409, "SLOT_FULL");
        assertCode(api().send("POST", path, other, "{\"start\":\"" + at(day, "18:00") + "\"}"), 409, "SLOT_CLOSED");
        assertCode(api().send("POST", path, other, "{\"start\":\"" + at(day, "19:15") + "\"}"), 409, "SLOT_CLOSED");
        assertCode(api().send("POST", path, other, "{\"start\":\"2026-01-07T10:00:00+08:00\"}"), 409, "SLOT_PAST");
        assertCode(api().send("POST", path, other, "{\"start\":\"next tuesday\"}"), 400, "DATE_TIME_INVALID");
        assertCode(api().send("DELETE", "/api/v1/appointments/" + id, other, null), 404, "APPOINTMENT_NOT_FOUND");
        assertCode(api().get("/api/v1/appointments/" + id + "/calendar.ics", other), 404, "APPOINTMENT_NOT_FOUND");

        HttpResponse<String> moved = api().send("POST", "/api/v1/appointments/" + id + "/move", resident,
                "{\"start\":\"" + at(day, "20:00") + "\"}");
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
        long newId = Http.json(moved).get("id").asLong();
        assertThat(api().send("POST", path, other, "{\"start\":\"" + at(day, "19:00") + "\"}").statusCode())
                .as("the old slot is free again").isEqualTo(201);
        assertCode(api().send("POST", "/api/v1/appointments/" + newId + "/move", resident,
                "{\"start\":\"" + at(day, "19:00") + "\"}"), 409, "SLOT_FULL");
        assertThat(Http.json(api().get("/api/v1/me/appointments", resident)).get("appointments").get(0).get("id")
                .asLong()).as("a failed move keeps the appointment").isEqualTo(newId);

        assertThat(api().send("DELETE", "/api/v1/appointments/" + newId, resident, null).statusCode()).isEqualTo(204);
        assertThat(Http.json(api().get("/api/v1/me/appointments", resident)).get("appointments").isEmpty()).isTrue();
        assertCode(api().send("DELETE", "/api/v1/appointments/" + newId, resident, null), 409, "APPOINTMENT_NOT_ACTIVE");
    }

    @Test
    void oneResidentHoldsAtMostThreeUpcomingBookings() {
        LocalDate day = wednesday(3);
        String resident = api().signInByPhone("13900008003").get("accessToken").asString();
        String path = "/api/v1/centers/xiaojie/appointment-services/counselling/bookings";
        for (String time : List.of("09:00", "10:00", "11:00")) {
            assertThat(api().send("POST", path, resident, "{\"start\":\"" + at(day, time) + "\"}").statusCode())
                    .isEqualTo(201);
        }
        assertCode(api().send("POST", path, resident, "{\"start\":\"" + at(day, "14:00") + "\"}"), 409,
                "TOO_MANY_BOOKINGS");
    }

    @Test
    void theCalendarFileParsesBackToTheSameInstantWithTheCentersAddress() throws Exception {
        LocalDate day = wednesday(4);
        String resident = api().signInByPhone("13900008004").get("accessToken").asString();
        long id = Http.json(api().send("POST", "/api/v1/centers/xiaojie/appointment-services/social-insurance/bookings",
                resident, "{\"start\":\"" + at(day, "12:30") + "\"}")).get("id").asLong();
        HttpResponse<String> ics = api().get("/api/v1/appointments/" + id + "/calendar.ics", resident);
        assertThat(ics.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/calendar");
        assertThat(ics.body()).contains("\r\n");
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics.body()));
        VEvent event = calendar.<VEvent>getComponent("VEVENT").orElseThrow();
        Instant start = Instant.from(event.getStartDate().orElseThrow().getDate());
        assertThat(start).isEqualTo(OffsetDateTime.parse(at(day, "12:30")).toInstant());
        Instant end = Instant.from(event.getEndDate().orElseThrow().getDate());
        assertThat(end).isEqualTo(OffsetDateTime.parse(at(day, "13:00")).toInstant());
        assertThat(event.<Property>getProperty(Property.LOCATION).orElseThrow().getValue()).contains("官渡区小街 18 号");
        assertThat(event.<Property>getProperty(Property.SUMMARY).orElseThrow().getValue()).contains("社保医保窗口");
    }

    @Test
    void staffSeeTheDayAndRegisterAWalkInAndResidentsAreRemindedTheDayBefore() throws Exception {
        LocalDate tomorrow = LocalDate.now(SHANGHAI).plusDays(1);
        String resident = api().signInByPhone("13900008005").get("accessToken").asString();
        JsonNode slots = Http.json(api().http().get("/api/v1/centers/xiaojie/appointment-services/counselling/slots?date="
                + tomorrow)).get("slots");
        String start = StreamSupport.stream(slots.spliterator(), false).filter(s -> s.get("available").asInt() > 0)
                .map(s -> s.get("start").asString()).findFirst().orElseThrow();
        assertThat(api().send("POST", "/api/v1/centers/xiaojie/appointment-services/counselling/bookings", resident,
                "{\"start\":\"" + start + "\"}").statusCode()).isEqualTo(201);

        String staff = api().token("xiaojie-staff11");
        String list = api().get("/api/v1/centers/xiaojie/appointments?date=" + tomorrow, staff).body();
        assertThat(list).contains(start.substring(0, 16)).contains("counselling");
        HttpResponse<String> walkIn = api().send("POST", "/api/v1/centers/xiaojie/walk-ins", staff,
                "{\"serviceCode\":\"social-insurance\",\"name\":\"李阿姨\"}");
        assertThat(walkIn.statusCode()).as(walkIn.body()).isEqualTo(201);
        assertThat(api().get("/api/v1/centers/xiaojie/appointments", staff).body()).contains("李阿姨");
        assertCode(api().send("POST", "/api/v1/centers/xiaojie/walk-ins", staff, "{\"serviceCode\":\"legal\"}"), 400,
                "WALK_IN_NAME_INVALID");

        assertThat(jdbc.sql("select count(*) from appointment where account_id = (select id from account where phone = ?)"
                + " and reminded_at is not null").param("13900008005").query(Long.class).single())
                .as("booked for tomorrow: the confirmation is the reminder").isEqualTo(1);
        jdbc.sql("update appointment set reminded_at = null where account_id = (select id from account where phone = ?)")
                .param("13900008005").update(); // as if it had been booked a week ago
        boolean reminded = false;
        for (int i = 0; i < 150 && !reminded; i++) {
            reminded = api().get("/api/v1/me/notifications", resident).body().contains("APPOINTMENT_REMINDER");
            Thread.sleep(100);
        }
        assertThat(reminded).isTrue();
        String inbox = api().get("/api/v1/me/notifications", resident).body();
        assertThat(inbox.split("APPOINTMENT_REMINDER", -1)).as("reminded once").hasSize(2);
    }
}
