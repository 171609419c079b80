package org.linli.roster.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.linli.identity.AccountDirectory;
import org.linli.platform.Registers;
import org.linli.platform.RequestTimes;
import org.springframework.stereotype.Service;

/**
 * What the admin checks before and after publishing: is every shift the calendar now asks for covered
 * by people who may work it, and how duties, hours, weekends and compensatory balances fall per person.
 * Both export as registers (台账), with the center's leave ledger.
 */
@Service
class RosterReport {

    record Coverage(LocalDate date, String kind, String time, int required, int covered, List<String> names,
            boolean ok) {
    }

    record Person(long accountId, String name, int duties, BigDecimal hours, int weekendDuties, int evenings,
            BigDecimal balance) {
    }

    record Report(String month, int shifts, int covered, List<Coverage> coverage, List<Person> people) {
    }

    private static final Map<String, String> KINDS = Map.of("LUNCHTIME", "午间", "EVENING", "晚间", "WEEKEND", "周末",
            "HOLIDAY_DUTY", "节假日值班");

    private final Rosters rosters;
    private final RosterPlanner planner;
    private final CompensatoryTime compensatory;
    private final AccountDirectory accounts;

    RosterReport(Rosters rosters, RosterPlanner planner, CompensatoryTime compensatory, AccountDirectory accounts) {
        this.rosters = rosters;
        this.planner = planner;
        this.compensatory = compensatory;
        this.accounts = accounts;
    }

    Report report(String centerCode, YearMonth month) {
        Rosters.View view = rosters.view(centerCode, month).orElse(null);
        List<Rosters.Duty> duties = view == null ? List.of() : view.duties();
        Set<Long> brokenSlots = view == null ? Set.of()
                : rosters.withBroken(view).broken().stream().map(RosterPlanner.Broken::slotId)
                        .collect(Collectors.toSet());
        Map<String, List<Rosters.Duty>> byShift = duties.stream()
                .collect(Collectors.groupingBy(d -> d.date() + d.kind(), LinkedHashMap::new, Collectors.toList()));
        List<Coverage> coverage = new ArrayList<>();
        int ok = 0;
        for (DutyShift shift : planner.shifts(centerCode, month)) {
            List<Rosters.Duty> on = byShift.getOrDefault(shift.getDay() + shift.getKind(), List.of());
            int covered = (int) on.stream().filter(d -> !brokenSlots.contains(d.id())).count();
            boolean full = covered >= shift.getRequired();
            ok += full ? 1 : 0;
            coverage.add(new Coverage(shift.getDay(), shift.getKind(), shift.getStarts() + "–" + shift.getEnds(),
                    shift.getRequired(), covered, on.stream().map(Rosters.Duty::name).toList(), full));
        }
        Map<Long, BigDecimal> balances = compensatory.balances(centerCode);
        List<Person> people = new ArrayList<>();
        for (AccountDirectory.Contact c : accounts.staffAt(centerCode)) {
            List<Rosters.Duty> mine = duties.stream().filter(d -> d.accountId() == c.accountId()).toList();
            int minutes = mine.stream().mapToInt(Rosters.Duty::minutes).sum();
            people.add(new Person(c.accountId(), c.displayName(), mine.size(),
                    BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(60), 1, java.math.RoundingMode.HALF_UP),
                    (int) mine.stream().filter(d -> "WEEKEND".equals(d.kind()) || "HOLIDAY_DUTY".equals(d.kind()))
                            .count(),
                    (int) mine.stream().filter(d -> "EVENING".equals(d.kind())).count(),
                    balances.getOrDefault(c.accountId(), BigDecimal.ZERO).stripTrailingZeros()));
        }
        return new Report(month.toString(), coverage.size(), ok, coverage, people);
    }

    /** The month's roster as a register: every duty, then each person's figures. */
    byte[] rosterRegister(String centerName, String centerCode, YearMonth month) {
        Report report = report(centerCode, month);
        List<List<Object>> duties = new ArrayList<>();
        rosters.view(centerCode, month).ifPresent(v -> v.duties().forEach(d -> duties.add(List.of(
                d.date().toString(), d.date().getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.CHINA),
                KINDS.getOrDefault(d.kind(), d.kind()),
                time(d), d.name(), d.skill() == null ? "" : d.skill()))));
        List<List<Object>> people = report.people().stream().<List<Object>>map(p -> List.of(p.name(), p.duties(),
                p.hours(), p.weekendDuties(), p.evenings(), p.balance())).toList();
        String scope = "服务中心：" + centerName + "    月份：" + month;
        return Registers.xlsx(
                new Registers.Table("值班表 " + month, centerName + " 延时服务值班表", scope,
                        List.of("日期", "星期", "班次", "时间", "值班人员", "所需技能"), duties),
                new Registers.Table("人员统计", centerName + " 值班人员统计", scope,
                        List.of("姓名", "值班次数", "值班小时", "周末及节假日", "晚间", "调休余额（天）"), people));
    }

    private static String time(Rosters.Duty d) {
        var f = java.time.format.DateTimeFormatter.ofPattern("HH:mm");
        return f.format(d.startsAt().atZoneSameInstant(RequestTimes.ZONE)) + "–"
                + f.format(d.endsAt().atZoneSameInstant(RequestTimes.ZONE));
    }

    private static final Map<String, String> ENTRY_KINDS = Map.of("CREDIT", "获得", "LATE_START", "晚到", "USE", "使用",
            "EXPIRE", "过期");

    /** The center's compensatory-time ledger as a register: every entry with its reason, and the balances. */
    byte[] ledgerRegister(String centerName, String centerCode) {
        Map<Long, String> names = new LinkedHashMap<>();
        accounts.staffAt(centerCode).forEach(c -> names.put(c.accountId(), c.displayName()));
        List<CompensatoryTime.LedgerLine> lines = compensatory.ledger(centerCode);
        Map<Long, AccountDirectory.Contact> others = accounts.contacts(lines.stream()
                .map(CompensatoryTime.LedgerLine::accountId).filter(id -> !names.containsKey(id))
                .collect(Collectors.toSet()));
        others.forEach((id, c) -> names.put(id, c.displayName()));
        var when = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
        List<List<Object>> rows = lines.stream().<List<Object>>map(l -> List.of(
                names.getOrDefault(l.accountId(), "#" + l.accountId()), l.onDay().toString(),
                ENTRY_KINDS.getOrDefault(l.kind(), l.kind()), l.days(), l.reason(),
                when.format(l.createdAt().atZoneSameInstant(RequestTimes.ZONE)))).toList();
        Map<Long, BigDecimal> balances = compensatory.balances(centerCode);
        List<List<Object>> totals = balances.entrySet().stream().<List<Object>>map(e -> List.of(
                names.getOrDefault(e.getKey(), "#" + e.getKey()), e.getValue())).toList();
        String scope = "服务中心：" + centerName + "    导出日期：" + LocalDate.now(RequestTimes.ZONE);
        return Registers.xlsx(
                new Registers.Table("调休台账", centerName + " 调休台账", scope,
                        List.of("姓名", "日期", "类型", "天数", "原因", "记录时间"), rows),
                new Registers.Table("调休余额", centerName + " 调休余额", scope, List.of("姓名", "余额（天）"), totals));
    }
}
