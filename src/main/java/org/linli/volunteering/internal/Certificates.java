package org.linli.volunteering.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.linli.centers.Centers;
import org.linli.platform.LinliException;
import org.linli.platform.RequestTimes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 志愿服务证明: the organising center certifies the hours it recorded and confirmed itself (谁记录谁证明),
 * for a period, with a serial number and a verification code that anyone can check. The certificate
 * names the volunteer by their public volunteer number, never by their ID number.
 */
@Service
class Certificates {

    record Certificate(long id, String serial, String verificationCode, long volunteerId, String volunteerNumber,
            String centerCode, LocalDate periodFrom, LocalDate periodTo, int totalMinutes, int recordCount,
            String personInCharge, OffsetDateTime issuedAt) {

        public String hours() {
            return "%.1f".formatted(totalMinutes / 60.0);
        }
    }

    private static final String COLUMNS = """
            c.id, c.serial, c.verification_code, c.volunteer_id, v.number as volunteer_number, c.center_code,
            c.period_from, c.period_to, c.total_minutes, c.record_count, c.person_in_charge, c.issued_at""";

    private final JdbcClient jdbc;
    private final Centers centers;

    Certificates(JdbcClient jdbc, Centers centers) {
        this.jdbc = jdbc;
        this.centers = centers;
    }

    @Transactional
    Certificate issue(Volunteer v, String centerCode, String from, String to, Long issuedBy) {
        centers.require(centerCode);
        LocalDate start = RequestTimes.date("from", from);
        LocalDate end = RequestTimes.date("to", to);
        if (end.isBefore(start)) {
            throw LinliException.invalidField("to", "PERIOD_ENDS_BEFORE_START");
        }
        record Sum(int minutes, int records, String inCharge) {
        }
        Sum sum = jdbc.sql("""
                select coalesce(sum(net_minutes), 0) as minutes, count(*) as records,
                       (select person_in_charge from service_record where volunteer_id = :v and center_code = :c
                           and status = 'CONFIRMED' and person_in_charge is not null
                           and service_date between :f and :t order by service_date desc limit 1) as in_charge
                  from service_record
                 where volunteer_id = :v and center_code = :c and status = 'CONFIRMED'
                   and service_date between :f and :t""")
                .param("v", v.id()).param("c", centerCode).param("f", start).param("t", end).query(Sum.class).single();
        if (sum.records() == 0) {
            throw LinliException.conflict("NO_CONFIRMED_HOURS");
        }
        long n = jdbc.sql("select nextval('service_certificate_serial_seq')").query(Long.class).single();
        String serial = "ZYFW-%s-%d-%06d".formatted(centerCode.toUpperCase(Locale.ROOT), end.getYear(), n);
        long id = jdbc.sql("""
                insert into service_certificate (serial, verification_code, volunteer_id, center_code, period_from,
                       period_to, total_minutes, record_count, person_in_charge, issued_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(serial, org.linli.platform.RandomCodes.of(12), v.id(), centerCode, start, end, sum.minutes(), sum.records(), sum.inCharge(),
                        issuedBy)
                .query(Long.class).single();
        return byId(id).orElseThrow();
    }

    Optional<Certificate> byId(long id) {
        return jdbc.sql("select " + COLUMNS + " from service_certificate c join volunteer v on v.id = c.volunteer_id "
                + "where c.id = ?").param(id).query(Certificate.class).optional();
    }

    /** For the public verification page: an exact code only (no prefix search, nothing that hints). */
    Optional<Certificate> verify(String code) {
        String normalised = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
        if (!normalised.matches("[A-Z2-9]{12}")) {
            return Optional.empty();
        }
        return jdbc.sql("select " + COLUMNS + " from service_certificate c join volunteer v on v.id = c.volunteer_id "
                + "where c.verification_code = ?").param(normalised).query(Certificate.class).optional();
    }

    List<Certificate> ofVolunteer(long volunteerId) {
        return jdbc.sql("select " + COLUMNS + " from service_certificate c join volunteer v on v.id = c.volunteer_id "
                + "where c.volunteer_id = ? order by c.issued_at desc").param(volunteerId).query(Certificate.class)
                .list();
    }
}
