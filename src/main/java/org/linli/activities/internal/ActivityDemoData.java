package org.linli.activities.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.linli.centers.Center;
import org.linli.centers.CenterLevel;
import org.linli.centers.Centers;
import org.linli.identity.AccountDirectory;
import org.linli.platform.DemoDataSet;
import org.linli.platform.DemoOnly;
import org.linli.platform.PhoneNumber;
import org.linli.platform.RequestTimes;
import org.springframework.stereotype.Component;

/**
 * A few weeks of upcoming activities at every community center; at 凤凰山 a children's English corner
 * that is full with a waitlist, and a live-streamed family class.
 */
@Component
@DemoOnly
class ActivityDemoData implements DemoDataSet {

    private record Plan(String title, String category, int day, int hour, int hours, int capacity, String description) {
    }

    private static final List<Plan> PLANS = List.of(
            new Plan("亲子手工：做一盏花灯", "FAMILY", 3, 10, 2, 20, "家长带孩子一起做，材料由中心提供。"),
            new Plan("长者智能手机课：学会视频通话", "ELDERLY", 5, 15, 1, 15, "志愿者一对一教，带上自己的手机。"),
            new Plan("社区健步走", "CULTURE_SPORTS", 9, 8, 2, 40, "集合地点：中心门口。"),
            new Plan("反诈骗知识讲座", "TRAINING", 12, 19, 1, 60, "派出所民警主讲。"));

    private final ActivityRepository repository;
    private final Registrations registrations;
    private final Centers centers;
    private final AccountDirectory accounts;
    private final Spaces spaces;

    ActivityDemoData(ActivityRepository repository, Registrations registrations, Centers centers,
            AccountDirectory accounts, Spaces spaces) {
        this.spaces = spaces;
        this.repository = repository;
        this.registrations = registrations;
        this.centers = centers;
        this.accounts = accounts;
    }

    @Override
    public String name() {
        return "activities";
    }

    @Override
    public int order() {
        return 55;
    }

    @Override
    public void load() {
        for (Center center : centers.all()) {
            if (center.level() != CenterLevel.COMMUNITY) {
                continue;
            }
            String code = center.code().value();
            spaces.save(code, new Spaces.SpaceInput("service-hall", "便民服务大厅", "SERVICE_HALL", 40, null, false));
            spaces.save(code, new Spaces.SpaceInput("legal", "法律服务站", "LEGAL_STATION", 6, null, false));
            spaces.save(code, new Spaces.SpaceInput("counselling", "心理咨询室", "COUNSELLING_ROOM", 4, null, false));
            spaces.save(code, new Spaces.SpaceInput("meeting-room", "多功能活动室", "ACTIVITY_ROOM", 30, null, true));
        }
        spaces.save("beijinglu", new Spaces.SpaceInput("study-room", "城市自习室", "STUDY_ROOM", 40, null, false));
        spaces.save("beijinglu", new Spaces.SpaceInput("cafe", "邻里咖啡角", "CAFE", 20, "拾光社会工作服务中心（合作社会组织）", false));
        spaces.save("fenghuangshan", new Spaces.SpaceInput("science", "科普角", "SCIENCE_CORNER", 15, null, false));
        spaces.save("fenghuangshan", new Spaces.SpaceInput("rehearsal", "排练厅", "REHEARSAL_ROOM", 40, null, true));
        LocalDate today = LocalDate.now(RequestTimes.ZONE);
        OffsetDateTime now = OffsetDateTime.now(RequestTimes.ZONE);
        int n = 0;
        for (Center center : centers.all()) {
            if (center.level() != CenterLevel.COMMUNITY) {
                continue;
            }
            String code = center.code().value();
            for (Plan plan : PLANS) {
                OffsetDateTime starts = at(today.plusDays(plan.day() + n % 3), plan.hour());
                repository.insert(code, plan.title(), plan.category(), plan.description(), starts,
                        starts.plusHours(plan.hours()), plan.capacity(), null, null, now.minusDays(1), starts,
                        null, null, null);
            }
            n++;
        }
        OffsetDateTime english = at(today.plusDays(6), 16);
        long corner = repository.insert("fenghuangshan", "少儿英语角", "CHILDREN", "外教和大学生志愿者带孩子说英语，6–12 岁。",
                english, english.plusHours(1), 6, null, null, now.minusDays(2), english, 6, 12, null);
        for (int i = 1; i <= 9; i++) {
            long account = accounts.ensureResident(new PhoneNumber("1380000%04d".formatted(100 + i)), null);
            registrations.register(corner, account, now);
        }
        OffsetDateTime live = at(today.plusDays(8), 20);
        repository.insert("fenghuangshan", "家庭教育直播课：和青春期孩子沟通", "LIVE_STREAM", "线上直播，报名后可在活动页打开直播链接。",
                live, live.plusHours(1), 500, null, "https://live.example.cn/linli/family-class", now.minusDays(1),
                live, null, null, null);
    }

    private static OffsetDateTime at(LocalDate day, int hour) {
        return day.atTime(hour, 0).atZone(RequestTimes.ZONE).toOffsetDateTime();
    }
}
