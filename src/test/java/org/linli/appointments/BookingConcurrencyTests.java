package org.linli.appointments;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.linli.identity.AccountDirectory;
import org.linli.identity.internal.Tokens;
import org.linli.platform.PhoneNumber;
import org.linli.testsupport.Api;
import org.linli.testsupport.Http;
import org.linli.testsupport.LinliWebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Hundreds of simultaneous bookings for one slot never exceed its capacity; one resident racing with
 * themselves never exceeds the limit. Real PostgreSQL, real HTTP, invariants only — never timings.
 */
@LinliWebTest
class BookingConcurrencyTests {

    @LocalServerPort
    int port;

    @Autowired
    AccountDirectory accounts;

    @Autowired
    Tokens tokens;

    @Autowired
    JdbcClient jdbc;

    private List<String> residents(int count, int firstPhone) {
        List<String> list = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long id = accounts.ensureResident(new PhoneNumber("1390010%04d".formatted(firstPhone + i)), "并发测试");
            list.add(tokens.issue(id).accessToken());
        }
        return list;
    }

    private List<HttpResponse<String>> race(List<Callable<HttpResponse<String>>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(32);
        try {
            List<HttpResponse<String>> responses = new ArrayList<>();
            for (Future<HttpResponse<String>> f : pool.invokeAll(calls)) {
                responses.add(f.get());
            }
            return responses;
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void twoHundredResidentsRaceForASlotOfTwo() throws Exception {
        LocalDate day = AppointmentApiTests.wednesday(1);
        String start = AppointmentApiTests.at(day, "10:00");
        Api api = new Api(port);
        List<Callable<HttpResponse<String>>> calls = new ArrayList<>();
        for (String token : residents(200, 0)) {
            calls.add(() -> api.send("POST", "/api/v1/centers/xiaojie/appointment-services/social-insurance/bookings",
                    token, "{\"start\":\"" + start + "\"}"));
        }
        List<HttpResponse<String>> responses = race(calls);
        assertThat(responses).as(responses.getFirst().body()).filteredOn(r -> r.statusCode() == 201).hasSize(2);
        assertThat(responses).filteredOn(r -> r.statusCode() == 409)
                .hasSize(198)
                .allSatisfy(r -> assertThat(Http.json(r).get("code").asString()).isEqualTo("SLOT_FULL"));
        assertThat(jdbc.sql("""
                select count(*) from appointment a join appointment_service s on s.id = a.service_id
                 where s.code = 'social-insurance' and a.starts_at = ?::timestamptz and a.status = 'BOOKED'
                """).param(start).query(Long.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("select booked from appointment_slot where starts_at = ?::timestamptz and capacity = 2")
                .param(start).query(Integer.class).single()).isEqualTo(2);
    }

    @Test
    void oneResidentFiringTwentyBookingsAtOnceGetsAtMostThree() throws Exception {
        LocalDate day = AppointmentApiTests.wednesday(2);
        String token = residents(1, 500).getFirst();
        Api api = new Api(port);
        List<Callable<HttpResponse<String>>> calls = new ArrayList<>();
        String[] times = {"09:00", "09:30", "10:00", "10:30", "11:00", "11:30", "12:00", "12:30", "13:00", "13:30",
                "14:00", "14:30", "15:00", "15:30", "16:00", "16:30", "17:00", "17:30", "19:00", "19:30"};
        for (String time : times) {
            calls.add(() -> api.send("POST", "/api/v1/centers/xiaojie/appointment-services/social-insurance/bookings",
                    token, "{\"start\":\"" + AppointmentApiTests.at(day, time) + "\"}"));
        }
        List<HttpResponse<String>> responses = race(calls);
        assertThat(responses).filteredOn(r -> r.statusCode() == 201).hasSize(3);
        assertThat(responses).filteredOn(r -> r.statusCode() == 409).hasSize(17);
    }
}
