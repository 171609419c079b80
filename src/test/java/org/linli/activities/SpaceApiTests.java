package org.linli.activities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linli.testsupport.Api.assertCode;

import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.linli.testsupport.Api;
import org.linli.testsupport.Http;
import org.linli.testsupport.LinliWebTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Spaces and their one timeline: bookings and activities never overlap, and only within opening hours. */
@LinliWebTest
class SpaceApiTests {

    @LocalServerPort
    int port;

    Api api() {
        return new Api(port);
    }

    /** A working day at least {@code ahead} days away, on the official calendar. */
    LocalDate workday(int ahead, DayOfWeek weekday) {
        LocalDate d = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(ahead);
        while (d.getDayOfWeek() != weekday || !Http.json(api().http().get("/api/v1/calendar/" + d)).get("dayKind")
                .asString().equals("WORKDAY")) {
            d = d.plusDays(1);
        }
        return d;
    }

    String booking(String group, LocalDate day, String from, String to) {
        return "{\"groupName\":\"" + group + "\",\"purpose\":\"排练\",\"startsAt\":\"" + day + "T" + from
                + "\",\"endsAt\":\"" + day + "T" + to + "\"}";
    }

    @Test
    void aRoomIsNeverDoubleBookedAndOnlyBookedWhileOpen() throws Exception {
        String me = api().signInByPhone("13900060001").get("accessToken").asString();
        String other = api().signInByPhone("13900060002").get("accessToken").asString();
        assertThat(Http.json(api().http().get("/api/v1/centers/xiaojie/spaces")).get("spaces").toString())
                .contains("meeting-room").contains("多功能活动室");
        LocalDate day = workday(5, DayOfWeek.WEDNESDAY);
        String path = "/api/v1/centers/xiaojie/spaces/meeting-room/bookings";

        HttpResponse<String> first = api().send("POST", path, me, booking("社区合唱团", day, "15:00", "16:30"));
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        HttpResponse<String> clash = api().send("POST", path, other, booking("居民议事会", day, "16:00", "17:00"));
        assertCode(clash, 409, "SPACE_TAKEN");
        assertThat(Http.json(clash).get("detail").asString()).contains("社区合唱团");
        assertCode(api().send("POST", path, other, booking("夜跑团", day, "22:00", "23:00")), 409, "SPACE_CLOSED");
        assertCode(api().send("POST", "/api/v1/centers/xiaojie/spaces/legal/bookings", other,
                booking("居民议事会", day, "10:00", "11:00")), 409, "SPACE_NOT_BOOKABLE");
        assertCode(api().send("POST", "/api/v1/centers/xiaojie/spaces/nowhere/bookings", other,
                booking("居民议事会", day, "10:00", "11:00")), 404, "SPACE_NOT_FOUND");

        // an activity in the room shares the timeline
        String staff = api().token("xiaojie-staff17");
        String activity = "{\"title\":\"书法课\",\"category\":\"CULTURE_SPORTS\",\"startsAt\":\"" + day
                + "T16:00\",\"endsAt\":\"" + day + "T17:00\",\"capacity\":10,\"spaceCode\":\"meeting-room\"}";
        assertCode(api().send("POST", "/api/v1/centers/xiaojie/activities", staff, activity), 409, "SPACE_TAKEN");
        HttpResponse<String> placed = api().send("POST", "/api/v1/centers/xiaojie/activities", staff,
                activity.replace("T16:00", "T16:30").replace("T17:00", "T17:30"));
        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);
        HttpResponse<String> overActivity = api().send("POST", path, other, booking("居民议事会", day, "17:00", "18:00"));
        assertCode(overActivity, 409, "SPACE_TAKEN");
        assertThat(Http.json(overActivity).get("detail").asString()).contains("书法课");
        assertThat(Http.json(api().http().get("/api/v1/centers/xiaojie/spaces/meeting-room/timeline?from=" + day
                + "&days=1")).get("slots")).hasSize(2);

        // only the booker (or staff) cancels
        long id = Http.json(first).get("id").asLong();
        assertCode(api().send("DELETE", path + "/" + id, other, null), 404, "BOOKING_NOT_FOUND");
        assertThat(api().send("DELETE", path + "/" + id, me, null).statusCode()).isEqualTo(204);
    }

    @Test
    void tenGroupsGrabbingTheSameHourGetItOnce() throws Exception {
        LocalDate day = workday(6, DayOfWeek.THURSDAY);
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            tokens.add(api().signInByPhone("139000601%02d".formatted(i)).get("accessToken").asString());
        }
        ExecutorService pool = Executors.newFixedThreadPool(10);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String token = tokens.get(i);
            String body = booking("团体" + i, day, "10:00", "11:00");
            results.add(pool.submit(() -> {
                start.await();
                return api().send("POST", "/api/v1/centers/fenghuangshan/spaces/rehearsal/bookings", token, body)
                        .statusCode();
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> f : results) {
            statuses.add(f.get());
        }
        pool.shutdown();
        assertThat(statuses).containsOnly(201, 409);
        assertThat(statuses.stream().filter(s -> s == 201).count()).isEqualTo(1);
        assertThat(Http.json(api().http().get("/api/v1/centers/fenghuangshan/spaces/rehearsal/timeline?from=" + day
                + "&days=1")).get("slots")).hasSize(1);
    }
}
