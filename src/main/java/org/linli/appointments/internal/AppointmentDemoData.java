package org.linli.appointments.internal;

import java.time.LocalDate;
import java.util.List;
import org.linli.calendar.OpeningHours;
import org.linli.platform.DemoDataSet;
import org.linli.platform.DemoOnly;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Bookable services at 小街, 北京路 and 凤凰山, and a handful of appointments in the coming days. */
@Component
@DemoOnly
class AppointmentDemoData implements DemoDataSet {

    private final AppointmentRepository repository;
    private final Slots slots;
    private final JdbcClient jdbc;

    AppointmentDemoData(AppointmentRepository repository, Slots slots, JdbcClient jdbc) {
        this.repository = repository;
        this.slots = slots;
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "appointments";
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public void load() {
        repository.addService("xiaojie", "social-insurance", "社保医保窗口", "Social and medical insurance window",
                "WINDOW", "", 30, 2);
        repository.addService("xiaojie", "legal", "公共法律服务（法律咨询）", "Legal consultation", "ROOM", "", 60, 1);
        repository.addService("xiaojie", "counselling", "心理咨询", "Psychological counselling", "ROOM", "", 60, 1);
        repository.addService("beijinglu", "window", "综合窗口", "General window", "WINDOW", "", 30, 2);
        repository.addService("fenghuangshan", "window", "综合窗口", "General window", "WINDOW", "", 30, 2);
        List<Long> residents = jdbc.sql("select id from account where phone like '1380000%' order by phone limit 8")
                .query(Long.class).list();
        AppointmentService window = repository.service("xiaojie", "social-insurance").orElseThrow();
        LocalDate day = LocalDate.now(OpeningHours.ZONE).plusDays(1);
        int booked = 0;
        for (int tries = 0; tries < 10 && booked < residents.size(); tries++, day = day.plusDays(1)) {
            for (Slots.Slot slot : slots.on(window, day)) {
                if (booked >= residents.size()) {
                    break;
                }
                if (repository.takePlace(window.id(), slot.start(), window.capacity())) {
                    repository.insert(window.id(), slot.start(), slot.end(), residents.get(booked++), null, "BOOKED");
                }
            }
        }
    }
}
