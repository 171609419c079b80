package org.linli.activities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linli.testsupport.Api.assertCode;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.linli.platform.IdCardNumber;
import org.linli.testsupport.Api;
import org.linli.testsupport.Http;
import org.linli.testsupport.LinliWebTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * A parent registers two children for a children's activity (each takes a place), the audience's ages
 * are checked against real-name birth dates, a weekly series gives one activity per week, and the
 * district list filters by date and age.
 */
@LinliWebTest
class FamilyRegistrationTests {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @LocalServerPort
    int port;

    Api api() {
        return new Api(port);
    }

    String resident(String phone) {
        return api().signInByPhone(phone).get("accessToken").asString();
    }

    /** A valid ID number (unassigned area 530199) for someone born on the day, with a sequence. */
    static String idNumber(LocalDate born, int sequence, boolean male) {
        String first17 = "530199" + born.toString().replace("-", "") + "%02d%d".formatted(sequence, male ? 1 : 2);
        return first17 + IdCardNumber.checkCharacter(first17);
    }

    static String details(String name, String id) {
        return "{\"realName\":\"" + name + "\",\"idNumber\":\"" + id + "\",\"address\":null,\"homeCenterCode\":\"fenghuangshan\"}";
    }

    long child(String parent, String name, int age, int sequence) {
        LocalDate born = LocalDate.now(SHANGHAI).minusYears(age).minusDays(40);
        HttpResponse<String> added = api().send("POST", "/api/v1/me/household/children", parent,
                "{\"realName\":\"" + name + "\",\"idNumber\":\"" + idNumber(born, sequence, true) + "\"}");
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        return Http.json(added).get("personId").asLong();
    }

    long publish(String extra, int capacity, int days) {
        OffsetDateTime start = OffsetDateTime.now(SHANGHAI).plusDays(days).withHour(10).withMinute(0).withSecond(0)
                .withNano(0);
        HttpResponse<String> created = api().send("POST", "/api/v1/centers/fenghuangshan/activities",
                api().token("fenghuangshan-staff05"), """
                {"title":"少儿美术课","category":"CHILDREN","startsAt":"%s","endsAt":"%s","capacity":%d%s}
                """.formatted(start, start.plusHours(1), capacity, extra));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Http.json(created).get("id").asLong();
    }

    @Test
    void aParentRegistersTwoChildrenEachTakingAPlaceAndAgesAreChecked() {
        String parent = resident("13900080001");
        assertThat(api().send("PUT", "/api/v1/me/real-name", parent,
                details("赵敏", idNumber(LocalDate.of(1986, 5, 5), 1, false))).statusCode()).isEqualTo(200);
        long older = child(parent, "赵小乐", 9, 92);
        long younger = child(parent, "赵小安", 7, 93);
        long toddler = child(parent, "赵小宝", 2, 94);
        long id = publish(",\"minAge\":6,\"maxAge\":12,\"familyRegistration\":true", 3, 5);
        String path = "/api/v1/activities/" + id + "/registrations";

        // the parent is 40: outside the audience, refused with the reason
        HttpResponse<String> self = api().send("POST", path, parent, null);
        assertCode(self, 409, "AGE_OUTSIDE_AUDIENCE");
        assertThat(Http.json(self).get("detail").asString()).contains("6–12");
        assertCode(api().send("POST", path, parent, "{\"personId\":" + toddler + "}"), 409, "AGE_OUTSIDE_AUDIENCE");

        JsonNode first = Http.json(api().send("POST", path, parent, "{\"personId\":" + older + "}"));
        assertThat(first.get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(first.get("personId").asLong()).isEqualTo(older);
        assertThat(Http.json(api().send("POST", path, parent, "{\"personId\":" + younger + "}")).get("status")
                .asString()).isEqualTo("CONFIRMED");
        assertCode(api().send("POST", path, parent, "{\"personId\":" + older + "}"), 409, "ALREADY_REGISTERED");
        assertThat(Http.json(api().http().get("/api/v1/activities/" + id)).get("confirmed").asInt()).isEqualTo(2);

        // somebody else's child is not the caller's to register
        String stranger = resident("13900080002");
        assertCode(api().send("POST", path, stranger, "{\"personId\":" + older + "}"), 404,
                "HOUSEHOLD_MEMBER_NOT_FOUND");
        // no real-name details: the age cannot be checked
        assertCode(api().send("POST", path, stranger, null), 409, "AGE_UNKNOWN");

        JsonNode mine = Http.json(api().get(path + "/mine", parent));
        assertThat(mine.get("registrations")).hasSize(2);

        HttpResponse<String> cancelled = api().send("DELETE", path + "/members/" + younger, parent, null);
        assertThat(cancelled.statusCode()).isEqualTo(204);
        assertThat(Http.json(api().get(path + "/mine", parent)).get("registrations")).hasSize(1);
        assertThat(Http.json(api().http().get("/api/v1/activities/" + id)).get("confirmed").asInt()).isEqualTo(1);
        assertCode(api().send("DELETE", path + "/members/" + younger, parent, null), 404, "REGISTRATION_NOT_FOUND");
    }

    @Test
    void withoutFamilyRegistrationOnlyTheAccountHolderMayRegister() {
        String parent = resident("13900080003");
        api().send("PUT", "/api/v1/me/real-name", parent, details("钱丽", idNumber(LocalDate.of(1990, 1, 9), 5, false)));
        long kid = child(parent, "钱小米", 8, 96);
        long id = publish("", 10, 6);
        assertCode(api().send("POST", "/api/v1/activities/" + id + "/registrations", parent,
                "{\"personId\":" + kid + "}"), 409, "FAMILY_REGISTRATION_NOT_ALLOWED");
        assertThat(api().send("POST", "/api/v1/activities/" + id + "/registrations", parent, null).statusCode())
                .isEqualTo(201);
    }

    @Test
    void aWeeklySeriesIsOneActivityPerWeekEachWithItsOwnPlaces() {
        long first = publish(",\"repeatWeeks\":4,\"volunteersNeeded\":2", 12, 7);
        JsonNode activity = Http.json(api().http().get("/api/v1/activities/" + first));
        assertThat(activity.get("seriesId").asLong()).isEqualTo(first);
        assertThat(activity.get("volunteersNeeded").asInt()).isEqualTo(2);
        JsonNode list = Http.json(api().http().get("/api/v1/activities?center=fenghuangshan&size=100"));
        long inSeries = 0;
        OffsetDateTime previous = null;
        for (JsonNode a : list.get("activities")) {
            if (a.get("seriesId") != null && !a.get("seriesId").isNull() && a.get("seriesId").asLong() == first) {
                OffsetDateTime start = OffsetDateTime.parse(a.get("startsAt").asString());
                if (previous != null) {
                    assertThat(previous.plusWeeks(1).toInstant()).isEqualTo(start.toInstant());
                }
                previous = start;
                assertThat(a.get("capacity").asInt()).isEqualTo(12);
                inSeries++;
            }
        }
        assertThat(inSeries).isEqualTo(4);
        assertCode(api().send("POST", "/api/v1/centers/fenghuangshan/activities", api().token("fenghuangshan-staff05"),
                """
                {"title":"太长的系列","category":"CHILDREN","startsAt":"2030-01-01T10:00","endsAt":"2030-01-01T11:00",
                 "capacity":5,"repeatWeeks":27}"""), 400, "ACTIVITY_REPEAT_RANGE");
    }

    @Test
    void theListFiltersByDateAndAge() {
        OffsetDateTime day = OffsetDateTime.now(SHANGHAI).plusDays(40);
        String staff = api().token("fenghuangshan-staff05");
        api().send("POST", "/api/v1/centers/fenghuangshan/activities", staff, """
                {"title":"长者太极","category":"ELDERLY","startsAt":"%s","endsAt":"%s","capacity":20,"minAge":60}
                """.formatted(day.withNano(0), day.plusHours(1).withNano(0)));
        String date = day.toLocalDate().toString();
        JsonNode forOld = Http.json(api().http().get("/api/v1/activities?from=" + date + "&to=" + date + "&age=70"));
        JsonNode forChild = Http.json(api().http().get("/api/v1/activities?from=" + date + "&to=" + date + "&age=8"));
        assertThat(forOld.get("activities").valueStream().map(a -> a.get("title").asString())).contains("长者太极");
        assertThat(forChild.get("activities").valueStream().map(a -> a.get("title").asString()))
                .doesNotContain("长者太极");
        for (JsonNode a : forOld.get("activities")) {
            assertThat(OffsetDateTime.parse(a.get("startsAt").asString()).atZoneSameInstant(SHANGHAI).toLocalDate()
                    .toString()).isEqualTo(date);
        }
        assertCode(api().http().get("/api/v1/activities?from=2026-13-01"), 400, "DATE_INVALID");
    }
}
