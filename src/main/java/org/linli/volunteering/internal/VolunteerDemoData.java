package org.linli.volunteering.internal;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.linli.identity.AccountDirectory;
import org.linli.platform.CreditCode;
import org.linli.platform.DemoDataSet;
import org.linli.platform.DemoOnly;
import org.linli.platform.PhoneNumber;
import org.linli.platform.RequestTimes;
import org.linli.residents.HouseholdDirectory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * 600 volunteers among the demo residents: the 金小马 team at 凤凰山 (its WeCom group is the demo's
 * stand-in, shown on /dev/outbox), 云南财经大学 as a partner with 24 student members, a few 14–17-year-olds
 * registered by a guardian, a year of confirmed service records at 凤凰山, upcoming recruitments (one
 * full with a waitlist), a record waiting for confirmation and a correction waiting for review.
 */
@Component
@DemoOnly
class VolunteerDemoData implements DemoDataSet {

    private static final String[] SKILLS = {"英语", "急救", "摄影", "书法", "心理疏导", "法律咨询", "电脑", "驾驶", "手工", "音乐"};
    private static final String[] TASKS = {"少儿英语角助教", "长者智能手机课助教", "社区健步走安全员", "反诈宣传", "图书整理",
            "亲子手工坊助手", "垃圾分类督导", "长者茶话会服务"};

    private final JdbcTemplate jdbc;
    private final AccountDirectory accounts;
    private final HouseholdDirectory households;
    private final Recruitments recruitments;
    private final Signups signups;

    VolunteerDemoData(JdbcTemplate jdbc, AccountDirectory accounts, HouseholdDirectory households,
            Recruitments recruitments, Signups signups) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.households = households;
        this.recruitments = recruitments;
        this.signups = signups;
    }

    @Override
    public String name() {
        return "volunteering";
    }

    @Override
    public int order() {
        return 60;
    }

    @Override
    public void load() {
        Random random = new Random(560L);
        LocalDate today = LocalDate.now(RequestTimes.ZONE);
        long team = jdbc.queryForObject("""
                insert into volunteer_team (center_code, code, name, webhook_url)
                values ('fenghuangshan', 'jinxiaoma', '金小马志愿服务队', 'demo://jinxiaoma') returning id""", Long.class);
        String first17 = "12530000" + "MB0" + "428" + "61X";
        long coordinator = accounts.ensureResident(new PhoneNumber("13800009001"), "云南财经大学 协调人 李老师");
        long university = jdbc.queryForObject("""
                insert into partner_org (center_code, code, name, kind, credit_code, agreement_from, agreement_to,
                       provides, coordinator_account_id, invite_token)
                values ('fenghuangshan', 'ynufe', '云南财经大学', 'UNIVERSITY', ?, ?, ?, ?, ?, ?) returning id""",
                Long.class, first17 + CreditCode.checkCharacter(first17), today.minusMonths(6), today.plusMonths(18),
                "每个周末 20 余名学生志愿者，办少儿英语角", coordinator, "demo-ynufe-invite");

        List<Object[]> rows = new ArrayList<>();
        int n = 0;
        for (int phone = 1; phone <= 1_200 && rows.size() < 600; phone++) {
            Long account = accounts.idByPhone(new PhoneNumber("1380000%04d".formatted(phone))).orElse(null);
            HouseholdDirectory.Member self = account == null ? null : households.self(account).orElse(null);
            if (self == null || self.birthDate() == null || self.birthDate().isAfter(today.minusYears(18))) {
                continue;
            }
            String center = households.homeCenter(account).orElse("fenghuangshan");
            n++;
            List<String> skills = new ArrayList<>();
            for (int s = random.nextInt(3); s > 0; s--) {
                String skill = SKILLS[random.nextInt(SKILLS.length)];
                if (!skills.contains(skill)) {
                    skills.add(skill);
                }
            }
            boolean student = n <= 24;
            boolean jinxiaoma = "fenghuangshan".equals(center) || n % 9 == 0;
            rows.add(new Object[] {self.personId(), account, "GD%d%06d".formatted(today.getYear(), n),
                    student || jinxiaoma ? "fenghuangshan" : center, self.birthDate(), "[" + String.join(",",
                    skills.stream().map(s -> "\"" + s + "\"").toList()) + "]",
                    random.nextBoolean() ? "[\"WEEKEND\"]" : "[\"WEEKDAY_EVENING\",\"WEEKEND\"]",
                    student ? university : null, jinxiaoma && !student ? team : null});
        }
        jdbc.batchUpdate("""
                insert into volunteer (person_id, account_id, number, center_code, birth_date, skills, availability,
                       org_id, team_id, status, languages)
                values (?, ?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb), ?, ?, 'ACTIVE', '["普通话"]')""", rows);
        jdbc.execute("select setval('volunteer_number_seq', " + (n + 100) + ")");
        for (Object[] row : rows) {
            accounts.grant((Long) row[1], org.linli.platform.Role.VOLUNTEER, (String) row[3], null);
        }
        accounts.grant(coordinator, org.linli.platform.Role.PARTNER_COORDINATOR, "fenghuangshan", null);
        minors(today);
        pastService(today, random);
        upcoming(today);
    }

    /** A few 14–17-year-olds registered by their guardian (the registration is the consent). */
    private void minors(LocalDate today) {
        int added = 0;
        for (int phone = 1; phone <= 1_200 && added < 4; phone++) {
            Long guardian = accounts.idByPhone(new PhoneNumber("1380000%04d".formatted(phone))).orElse(null);
            if (guardian == null) {
                continue;
            }
            for (HouseholdDirectory.Member child : households.managedBy(guardian)) {
                if (!"CHILD".equals(child.relation()) || child.birthDate() == null) {
                    continue;
                }
                int age = java.time.Period.between(child.birthDate(), today).getYears();
                if (age >= 14 && age <= 17 && added < 4) {
                    long number = jdbc.queryForObject("select nextval('volunteer_number_seq')", Long.class);
                    jdbc.update("""
                            insert into volunteer (person_id, guardian_account_id, guardian_consent_at, number,
                                   center_code, birth_date, skills, status)
                            values (?, ?, now(), ?, 'fenghuangshan', ?, '["英语"]', 'ACTIVE')
                            on conflict (person_id) do nothing""",
                            child.personId(), guardian, "GD%d%06d".formatted(today.getYear(), number),
                            child.birthDate());
                    added++;
                }
            }
        }
    }

    /** A year of recruitments at 凤凰山 with confirmed service records (10–20 volunteers each). */
    private void pastService(LocalDate today, Random random) {
        List<Long> ids = jdbc.queryForList("""
                select id from volunteer where center_code = 'fenghuangshan' and account_id is not null
                 order by id""", Long.class);
        List<Object[]> signupRows = new ArrayList<>();
        List<Object[]> recordRows = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String task = TASKS[i % TASKS.length];
            OffsetDateTime start = today.minusDays(5 + i * 9L).atTime(9 + i % 8, 0).atZone(RequestTimes.ZONE)
                    .toOffsetDateTime();
            OffsetDateTime end = start.plusHours(2 + i % 3);
            int count = Math.min(ids.size(), 10 + random.nextInt(11));
            // published a week or so before; the places were all taken within 2 to 72 hours
            OffsetDateTime published = start.minusDays(5 + random.nextInt(6));
            OffsetDateTime filled = published.plusHours(2 + random.nextInt(71));
            long recruitment = jdbc.queryForObject("""
                    insert into recruitment (center_code, title, place, starts_at, ends_at, needed, confirmed, team_id,
                                             created_at, filled_at)
                    values ('fenghuangshan', ?, '凤凰山社区党群服务中心', ?, ?, ?, ?,
                            (select id from volunteer_team where code = 'jinxiaoma'), ?, ?) returning id""",
                    Long.class, task, Timestamp.from(start.toInstant()), Timestamp.from(end.toInstant()), count, count,
                    Timestamp.from(published.toInstant()), Timestamp.from(filled.toInstant()));
            java.util.Collections.shuffle(ids, random);
            for (int k = 0; k < count; k++) {
                long volunteer = ids.get(k);
                Timestamp in = Timestamp.from(start.minusMinutes(10).toInstant());
                Timestamp out = Timestamp.from(end.plusMinutes(5).toInstant());
                signupRows.add(new Object[] {recruitment, volunteer, volunteer, in, out});
                int net = (int) java.time.Duration.between(start, end).toMinutes() - random.nextInt(3) * 10;
                recordRows.add(new Object[] {volunteer, recruitment, task, start.toLocalDate(), task,
                        Timestamp.from(start.toInstant()), Timestamp.from(end.toInstant()), net,
                        Timestamp.from(end.plusDays(7).toInstant())});
            }
        }
        jdbc.batchUpdate("""
                insert into recruitment_signup (recruitment_id, volunteer_id, signed_up_by, status, checked_in_at,
                       checked_out_at)
                values (?, ?, (select account_id from volunteer where id = ?), 'CONFIRMED', ?, ?)""", signupRows);
        jdbc.batchUpdate("""
                insert into service_record (volunteer_id, recruitment_id, center_code, activity_title, service_date,
                       place, content, started_at, ended_at, net_minutes, organiser, person_in_charge, source, status,
                       confirm_by, confirmed_at)
                values (?, ?, 'fenghuangshan', ?, ?, '凤凰山社区党群服务中心', ?, ?, ?, ?, '凤凰山社区党群服务中心',
                        '凤凰山社区党群服务中心负责人', 'CHECK_IN', 'CONFIRMED', ?, now())""", recordRows);
        // the newest record waits for confirmation, and an older one has a correction waiting for review
        jdbc.update("""
                update service_record set status = 'PENDING', confirmed_at = null, confirm_by = now() + interval '2 days'
                 where id = (select max(id) from service_record where center_code = 'fenghuangshan')""");
        jdbc.update("""
                insert into service_record_correction (record_id, requested_by, reason, proposed_started_at,
                       proposed_ended_at, proposed_net_minutes)
                select r.id, v.account_id, '实际提前半小时到场布置会场', r.started_at - interval '30 minutes', r.ended_at,
                       r.net_minutes + 30
                  from service_record r join volunteer v on v.id = r.volunteer_id
                 where r.id = (select min(id) from service_record where center_code = 'fenghuangshan')""");
    }

    /** Upcoming recruitments at 凤凰山; a three-place one is full with two waiting. */
    private void upcoming(LocalDate today) {
        OffsetDateTime saturday = today.plusDays(3).atTime(9, 30).atZone(RequestTimes.ZONE).toOffsetDateTime();
        recruitments.publish("fenghuangshan", new Recruitments.NewRecruitment("周末少儿英语角助教",
                "协助外教和大学生带孩子练口语。", "凤凰山社区党群服务中心 科普角", saturday.toString(),
                saturday.plusHours(2).toString(), 6, List.of("英语"), null, false, null, null), null);
        Recruitment small = recruitments.publish("fenghuangshan", new Recruitments.NewRecruitment("长者茶话会服务",
                "布置会场、端茶倒水、陪老人聊天。", "凤凰山社区党群服务中心 多功能活动室", saturday.plusDays(1).toString(),
                saturday.plusDays(1).plusHours(3).toString(), 3, List.of(), null, false, null, "jinxiaoma"), null);
        recruitments.publish("fenghuangshan", new Recruitments.NewRecruitment("社区道路交通疏导",
                "社区运动会期间在路口疏导交通，需穿反光背心。", "凤凰山社区北门路口", saturday.plusDays(7).toString(),
                saturday.plusDays(7).plusHours(4).toString(), 8, List.of(), 18, true, null, "jinxiaoma"), null);
        List<Long> team = jdbc.queryForList("""
                select account_id from volunteer where team_id = (select id from volunteer_team where code = 'jinxiaoma')
                   and account_id is not null order by id limit 5""", Long.class);
        for (long account : team) {
            signups.signUp(small.id(), account, null);
        }
    }
}
