package org.linli.activities.internal;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.linli.centers.Center;
import org.linli.centers.CenterLevel;
import org.linli.centers.Centers;
import org.linli.identity.AccountDirectory;
import org.linli.platform.DemoDataSet;
import org.linli.platform.DemoOnly;
import org.linli.platform.PhoneNumber;
import org.linli.platform.RequestTimes;
import org.linli.residents.HouseholdDirectory;
import org.springframework.jdbc.core.JdbcTemplate;
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
    private final HouseholdDirectory households;
    private final Surveys surveys;
    private final Suggestions suggestions;
    private final JdbcTemplate jdbc;

    ActivityDemoData(ActivityRepository repository, Registrations registrations, Centers centers,
            AccountDirectory accounts, Spaces spaces, HouseholdDirectory households, Surveys surveys,
            Suggestions suggestions, JdbcTemplate jdbc) {
        this.spaces = spaces;
        this.households = households;
        this.surveys = surveys;
        this.suggestions = suggestions;
        this.jdbc = jdbc;
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
        long corner = repository.insert("fenghuangshan", "少儿英语角", "CHILDREN", "外教和大学生志愿者带孩子说英语，6–12 岁。"
                + "家长为孩子报名，一个家庭可报多个孩子。", english, english.plusHours(1), 6, "science", null,
                now.minusDays(2), english, 6, 12, null, new ActivityRepository.Extras(true, null, 2, null));
        // parents register their 6–12-year-olds: six places, the rest wait in order
        int registered = 0;
        for (int i = 1; i <= 400 && registered < 9; i++) {
            Long parent = accounts.idByPhone(new PhoneNumber("1380000%04d".formatted(i))).orElse(null);
            if (parent == null) {
                continue;
            }
            for (HouseholdDirectory.Member child : households.managedBy(parent)) {
                int age = child.birthDate() == null ? -1
                        : Period.between(child.birthDate(), english.toLocalDate()).getYears();
                if (age >= 6 && age <= 12 && registered < 9) {
                    registrations.register(corner, parent, child.personId(), now);
                    registered++;
                }
            }
        }
        OffsetDateTime live = at(today.plusDays(8), 20);
        repository.insert("fenghuangshan", "家庭教育直播课：和青春期孩子沟通", "LIVE_STREAM", "线上直播，报名后可在活动页打开直播链接。",
                live, live.plusHours(1), 500, null, "https://live.example.cn/linli/family-class", now.minusDays(1),
                live, null, null, null);
        pastYear("fenghuangshan", 86, 86L, today, true);
        // the other pilots, scaled down from 凤凰山's figures: 30–59 activities each over the year
        int pilot = 0;
        for (var center : centers.all()) {
            String code = center.code().value();
            if (center.level() == org.linli.centers.CenterLevel.COMMUNITY && !code.equals("fenghuangshan")) {
                pilot++;
                pastYear(code, 30 + (int) ((pilot * 7919L) % 30), 1000L + pilot, today, false);
            }
        }
        needs();
    }

    private record Kind(String title, String category, int hour, int hours, int capacity, String space) {
    }

    private static final List<Kind> PAST = List.of(
            new Kind("少儿英语角", "CHILDREN", 16, 1, 30, "science"),
            new Kind("亲子手工坊", "FAMILY", 10, 2, 40, "rehearsal"),
            new Kind("社区运动会", "CULTURE_SPORTS", 9, 3, 120, null),
            new Kind("长者茶话会", "ELDERLY", 15, 2, 50, "meeting-room"),
            new Kind("少儿古筝班", "TRAINING", 19, 1, 20, "rehearsal"),
            new Kind("家庭教育直播课", "LIVE_STREAM", 20, 1, 150, null));

    /**
     * A center's past year: 凤凰山's is 86 activities and about 4,000 attendances (person-times) checked in
     * at the door; the other pilots have fewer. Written in one batch so the demo district loads in seconds.
     */
    private void pastYear(String center, int count, long seed, LocalDate today, boolean withSpaces) {
        Random random = new Random(seed);
        List<Long> people = new ArrayList<>();
        for (int i = 1; i <= 300; i++) {
            people.add(accounts.ensureResident(new PhoneNumber("1380000%04d".formatted(i)), null));
        }
        List<Object[]> rows = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            Kind kind = PAST.get(n % PAST.size());
            OffsetDateTime starts = at(today.minusDays(4 + (long) n * 361 / count), kind.hour());
            int attended = Math.min(kind.capacity(), kind.capacity() * 6 / 10 + random.nextInt(kind.capacity() / 2));
            if (!withSpaces) {
                attended = attended * 2 / 3;
            }
            long id = repository.insert(center, kind.title(), kind.category(), "往期活动", starts,
                    starts.plusHours(kind.hours()), kind.capacity(), withSpaces ? kind.space() : null,
                    "LIVE_STREAM".equals(kind.category()) ? "https://live.example.cn/linli/family-class" : null,
                    starts.minusDays(10), starts, null, null, null);
            Collections.shuffle(people, random);
            Timestamp at = Timestamp.from(starts.toInstant());
            for (int k = 0; k < attended; k++) {
                rows.add(new Object[] {id, people.get(k % people.size()), at, at, random.nextInt(10) == 0});
            }
            jdbc.update("update activity set confirmed = ? where id = ?", attended, id);
        }
        jdbc.batchUpdate("insert into activity_registration (activity_id, account_id, status, confirmed_at, "
                + "checked_in_at, walk_in) values (?, ?, 'CONFIRMED', cast(? as timestamptz) - interval '3 days', cast(? as timestamptz) + interval '5 minutes', ?)",
                rows);
    }

    /** 凤凰山 asked its residents about childcare (how it found that need), and residents made suggestions. */
    private void needs() {
        long survey = surveys.create("fenghuangshan", "寒假托管需求调研", "中心想在寒假开办托管班，请告诉我们您家的需要。",
                List.of(new Surveys.QuestionInput("SINGLE", "您家是否需要寒假托管？", List.of("需要", "不需要", "看情况")),
                        new Surveys.QuestionInput("MULTIPLE", "希望托管期间安排哪些内容？",
                                List.of("作业辅导", "阅读", "体育活动", "手工美术", "英语角")),
                        new Surveys.QuestionInput("SINGLE", "希望托管到几点？", List.of("12:00", "17:00", "18:30")),
                        new Surveys.QuestionInput("TEXT", "还有什么想告诉我们的？", List.of())), null);
        Random random = new Random(2026L);
        List<String> notes = List.of("双职工家庭，下午没人接孩子。", "希望有老师辅导作业。", "能不能也办暑假的？", "孩子想学画画。");
        int answered = 0;
        for (int i = 1; i <= 1_000 && answered < 48; i++) {
            Long account = accounts.idByPhone(new PhoneNumber("1380000%04d".formatted(i))).orElse(null);
            if (account == null || !households.homeCenter(account).map("fenghuangshan"::equals).orElse(false)) {
                continue;
            }
            List<String> content = new ArrayList<>(List.of("0"));
            for (int c = 1; c < 5; c++) {
                if (random.nextBoolean()) {
                    content.add(String.valueOf(c));
                }
            }
            Map<String, List<String>> answers = new HashMap<>(Map.of(
                    "1", List.of(String.valueOf(random.nextInt(10) < 7 ? 0 : 1 + random.nextInt(2))), "2", content,
                    "3", List.of(String.valueOf(random.nextInt(10) < 6 ? 2 : random.nextInt(2)))));
            if (answered % 6 == 0) {
                answers.put("4", List.of(notes.get(answered / 6 % notes.size())));
            }
            surveys.answer("fenghuangshan", survey, account, answers);
            answered++;
        }
        String[][] ideas = {{"周末亲子阅读会", "FAMILY", "希望周六上午有绘本共读。"}, {"老年人防诈骗讲座", "ELDERLY", null},
                {"广场舞培训", "CULTURE_SPORTS", "晚上七点以后。"}, {"暑期少儿托管", "CHILDREN", "双职工家庭需要。"},
                {"智能手机使用课", "ELDERLY", "学会用手机挂号。"}};
        for (int i = 0; i < ideas.length; i++) {
            long account = accounts.ensureResident(new PhoneNumber("1380000%04d".formatted(20 + i)), null);
            suggestions.suggest("fenghuangshan", account, ideas[i][0], ideas[i][2], ideas[i][1]);
        }
    }

    private static OffsetDateTime at(LocalDate day, int hour) {
        return day.atTime(hour, 0).atZone(RequestTimes.ZONE).toOffsetDateTime();
    }
}
