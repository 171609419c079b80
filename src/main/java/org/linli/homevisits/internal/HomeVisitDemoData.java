package org.linli.homevisits.internal;

import java.time.LocalDate;
import java.util.List;
import org.linli.identity.AccountDirectory;
import org.linli.platform.DemoDataSet;
import org.linli.platform.DemoOnly;
import org.linli.platform.RequestTimes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * 小街's home-service register in the demo: four residents recorded with consent by a staff member, a
 * visit assigned to xiaojie-staff01 for today (so /me/home-visits shows an address), one waiting to be
 * assigned, and a monthly check-in that is overdue. Resident 13800000801 is the first entry and sees
 * their own data on /me/home-care.
 */
@Component
@DemoOnly
class HomeVisitDemoData implements DemoDataSet {

    private final HomeCareRegister register;
    private final HomeVisits visits;
    private final AccountDirectory accounts;
    private final JdbcClient jdbc;

    HomeVisitDemoData(HomeCareRegister register, HomeVisits visits, AccountDirectory accounts, JdbcClient jdbc) {
        this.register = register;
        this.visits = visits;
        this.accounts = accounts;
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "homevisits";
    }

    @Override
    public int order() {
        return 80;
    }

    @Override
    public void load() {
        long staff = accounts.idByUsername("xiaojie-staff01").orElse(null);
        record Person(String phone, String name, String reason, Integer grade, String building, String room,
                String access) {
        }
        List<Person> people = List.of(
                new Person("13800000801", "李桂兰", "LIVES_ALONE", null, "5栋", "302", "三楼，无电梯"),
                new Person("13800000802", "王德明", "AGE_80_PLUS", null, "2栋", "101", "敲门声要大"),
                new Person("13800000803", "赵淑芬", "DISABILITY", 2, "8栋", "1204", "轮椅，有电梯"),
                new Person("13800000804", "陈国华", "TEMPORARY_ILLNESS", null, "3栋", "501", null));
        List<HomeCareRegister.Entry> entries = people.stream().map(p -> register.record("xiaojie", staff,
                new HomeCareRegister.Input(p.phone(), p.name(), p.reason(), p.grade(), "小街社区金马小区", p.building(),
                        p.room(), null, p.access(), null, null, null, "工作日上午", true, "为本人提供上门服务")))
                .toList();
        LocalDate today = LocalDate.now(RequestTimes.ZONE);
        HomeVisits.Visit pension = visits.request(entries.get(0), staff, "STAFF",
                new HomeVisits.Request("PENSION_CHECK", null, "上午", "年度养老待遇资格认证", null));
        visits.assign("xiaojie", pension.id(), today, List.of(staff), staff);
        visits.request(entries.get(1), staff, "STAFF", new HomeVisits.Request("CHECK_IN", null, "下午", null, null));
        HomeVisits.Visit overdue = visits.request(entries.get(2), staff, "FOLLOW_UP",
                new HomeVisits.Request("CHECK_IN", null, "上午", "每月探访", today.minusDays(3)));
        jdbc.sql("update home_visit set created_at = now() - interval '33 days' where id = ?").param(overdue.id())
                .update();
    }
}
