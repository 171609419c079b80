package org.linli.dashboard.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.linli.centers.Center;
import org.linli.centers.CenterLevel;
import org.linli.centers.Centers;
import org.linli.platform.Access;
import org.linli.platform.LinliException;
import org.linli.platform.Registers;
import org.linli.platform.RequestTimes;
import org.linli.platform.Role;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Dashboards for the caller's scope (a center admin their center, a street admin the street's centers,
 * the district admin everything), the pilots side by side and month by month, each table as a register.
 */
@Controller
class DashboardController {

    record Period(LocalDate from, LocalDate to) {
    }

    /** One breakdown on the page: its table's name, its title's message key, the named values, the chart. */
    record Section(String table, String titleKey, Map<String, Long> values, String chart) {
    }

    private final Dashboards dashboards;
    private final Centers centers;
    private final MessageSource messages;
    private final org.linli.points.PointsHistory points;

    DashboardController(Dashboards dashboards, Centers centers, MessageSource messages,
            org.linli.points.PointsHistory points) {
        this.points = points;
        this.dashboards = dashboards;
        this.centers = centers;
        this.messages = messages;
    }

    /** From and to (inclusive); by default the twelve months up to today; at most five years. */
    static Period period(String from, String to) {
        LocalDate end = to == null || to.isBlank() ? LocalDate.now(RequestTimes.ZONE) : RequestTimes.date("to", to);
        LocalDate start = from == null || from.isBlank() ? end.minusYears(1).plusDays(1)
                : RequestTimes.date("from", from);
        if (start.isAfter(end)) {
            throw LinliException.invalidField("from", "PERIOD_INVALID");
        }
        if (start.isBefore(end.minusYears(5))) {
            throw LinliException.invalidField("from", "PERIOD_TOO_LONG");
        }
        return new Period(start, end);
    }

    /** The community centers (the pilots) under a center, or the center itself when it is one. */
    List<String> pilots(String code) {
        List<String> out = new ArrayList<>();
        for (String c : centers.subtree(code)) {
            centers.find(c).filter(x -> x.level() == CenterLevel.COMMUNITY).ifPresent(x -> out.add(c));
        }
        return out.isEmpty() ? List.of(code) : out;
    }

    private void page(String code, Period p, Model model) {
        model.addAttribute("center", centers.require(code));
        model.addAttribute("from", p.from().toString());
        model.addAttribute("to", p.to().toString());
    }

    @GetMapping("/staff/centers/{code}/dashboard")
    @Access(roles = {Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN})
    String dashboard(@PathVariable String code, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, Model model) {
        Period p = safePeriod(from, to, model);
        page(code, p, model);
        Dashboards.Figures f = dashboards.figures(centers.subtree(code), p.from(), p.to());
        model.addAttribute("f", f);
        model.addAttribute("attendanceChart", ChartData.of(f.attendanceByMonth()));
        java.util.Locale locale = LocaleContextHolder.getLocale();
        List<Section> sections = new ArrayList<>();
        for (String[] s : new String[][] {{FactMapper.RECEIVED, "catalog.category.", "dash.byCategory", "categories"},
                {FactMapper.CHANNEL, "dash.channel.", "dash.byChannel", "channels"},
                {FactMapper.APPOINTMENTS, "dash.appt.", "dash.bySession", "appointments"},
                {FactMapper.HOME, "homevisits.reason.", "dash.byReason", "home-visits"},
                {FactMapper.REDEEMED, "", "dash.byMerchant", "merchants"}}) {
            Map<String, Long> values = f.breakdowns().get(s[0]).values();
            Map<String, String> merchants = s[1].isEmpty() ? points.merchantNames() : Map.of();
            java.util.function.UnaryOperator<String> name = s[1].isEmpty() ? k -> merchants.getOrDefault(k, k)
                    : k -> messages.getMessage(s[1] + k, null, k, locale);
            Map<String, Long> named = new java.util.LinkedHashMap<>();
            values.forEach((k, v) -> named.merge(name.apply(k), v, Long::sum));
            sections.add(new Section(s[3], s[2], named, ChartData.labelled(values, name)));
        }
        model.addAttribute("sections", sections);
        model.addAttribute("hasPilots", pilots(code).size() > 1);
        return "dashboard/dashboard";
    }

    @SuppressWarnings("unchecked")
    @GetMapping("/staff/centers/{code}/dashboard/compare")
    @Access(roles = {Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN})
    String comparePage(@PathVariable String code, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, Model model) {
        Period p = safePeriod(from, to, model);
        page(code, p, model);
        Map<String, Dashboards.Figures> side = dashboards.compare(pilots(code), p.from(), p.to());
        model.addAttribute("side", side);
        model.addAttribute("names", side.keySet().stream().collect(java.util.stream.Collectors.toMap(c -> c,
                c -> centers.require(c).name(LocaleContextHolder.getLocale()))));
        YearMonth last = YearMonth.from(p.to());
        YearMonth first = YearMonth.from(p.from()).isBefore(last.minusMonths(11)) ? last.minusMonths(11)
                : YearMonth.from(p.from());
        model.addAttribute("months", dashboards.monthly(centers.subtree(code), first, last));
        model.addAttribute("compareChart", ChartData.compare(side, (Map<String, String>) model.getAttribute("names")));
        return "dashboard/compare";
    }

    /** On a page an unreadable period falls back to the default, with the reason shown. */
    private static Period safePeriod(String from, String to, Model model) {
        try {
            return period(from, to);
        } catch (LinliException wrong) {
            model.addAttribute("error", wrong);
            return period(null, null);
        }
    }

    @GetMapping("/staff/centers/{code}/dashboard/{table}.xlsx")
    @Access(roles = {Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN})
    ResponseEntity<byte[]> register(@PathVariable String code, @PathVariable String table,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        Period p = period(from, to);
        Center center = centers.require(code);
        String scope = "服务中心：" + center.nameZh() + "    期间：" + p.from() + " 至 " + p.to();
        Registers.Table sheet = switch (table) {
            case "summary" -> summary(dashboards.figures(centers.subtree(code), p.from(), p.to()), center, scope);
            case "categories", "channels", "appointments", "home-visits", "merchants" -> breakdown(table,
                    dashboards.figures(centers.subtree(code), p.from(), p.to()), center, scope);
            case "compare" -> compareSheet(dashboards.compare(pilots(code), p.from(), p.to()), center, scope);
            default -> throw LinliException.notFound("NOT_FOUND");
        };
        return Registers.download(Registers.xlsx(sheet), "dashboard-" + table + "-" + code + "-" + p.from() + "-"
                + p.to() + ".xlsx");
    }

    private String label(String key) {
        return messages.getMessage(key, null, key, java.util.Locale.CHINA);
    }

    private static List<Object> row(Object... cells) {
        List<Object> out = new ArrayList<>();
        for (Object c : cells) {
            out.add(c == null ? "—" : c);
        }
        return out;
    }

    private Registers.Table summary(Dashboards.Figures f, Center center, String scope) {
        List<List<Object>> rows = List.of(row("活动场次", f.activities()), row("参加人次", f.attendance()),
                row("受理申请", f.applicationsReceived()), row("办结申请", f.applicationsCompleted()),
                row("按时办结率（%）", f.onTimeRate()), row("评价条数", f.ratings()), row("平均评价（星）", f.averageRating()),
                row("预约", f.appointments()),
                row("延时服务时段预约占比（%）", f.extendedShare()), row("自习室到访人次", f.studyVisits()),
                row("服务志愿者人数", f.activeVolunteers()), row("志愿服务时长（小时）", f.volunteerHours()),
                row("志愿者招募", f.recruitments()), row("招满", f.recruitmentsFilled()),
                row("招满率（%）", f.fillRate()), row("平均招满用时（小时）", f.hoursToFill()),
                row("积分发放（分）", f.pointsEarned()), row("上门服务次数", f.homeVisits()),
                row("积分兑换（分）", f.pointsRedeemed()));
        return new Registers.Table("汇总", center.nameZh() + " 服务情况汇总台账", scope, List.of("指标", "数值"), rows);
    }

    private Registers.Table breakdown(String table, Dashboards.Figures f, Center center, String scope) {
        String metric = switch (table) {
            case "merchants" -> FactMapper.REDEEMED;
            case "categories" -> FactMapper.RECEIVED;
            case "channels" -> FactMapper.CHANNEL;
            case "appointments" -> FactMapper.APPOINTMENTS;
            default -> FactMapper.HOME;
        };
        String prefix = switch (table) {
            case "merchants" -> "";
            case "categories" -> "catalog.category.";
            case "channels" -> "dash.channel.";
            case "appointments" -> "dash.appt.";
            default -> "homevisits.reason.";
        };
        String title = switch (table) {
            case "merchants" -> "积分兑换台账（按商户）";
            case "categories" -> "申请受理分类台账";
            case "channels" -> "申请受理渠道台账";
            case "appointments" -> "预约时段台账";
            default -> "上门服务台账";
        };
        Map<String, String> merchants = prefix.isEmpty() ? points.merchantNames() : Map.of();
        List<List<Object>> rows = f.breakdowns().get(metric).values().entrySet().stream()
                .map(e -> row(prefix.isEmpty() ? merchants.getOrDefault(e.getKey(), e.getKey())
                        : label(prefix + e.getKey()), e.getValue())).toList();
        return new Registers.Table(title, center.nameZh() + " " + title, scope, List.of("类别", "数量"), rows);
    }

    private Registers.Table compareSheet(Map<String, Dashboards.Figures> side, Center center, String scope) {
        List<List<Object>> rows = side.entrySet().stream().map(e -> {
            Dashboards.Figures f = e.getValue();
            return row(centers.require(e.getKey()).nameZh(), f.activities(), f.attendance(), f.applicationsReceived(),
                    f.onTimeRate(), f.appointments(), f.studyVisits(), f.activeVolunteers(), f.volunteerHours(),
                    f.fillRate(), f.pointsEarned(), f.homeVisits());
        }).toList();
        return new Registers.Table("试点对比", center.nameZh() + " 试点中心对比台账", scope, List.of("服务中心", "活动场次",
                "参加人次", "受理申请", "按时办结率（%）", "预约", "自习室到访", "志愿者人数", "志愿服务小时", "招满率（%）",
                "积分发放", "上门服务"), rows);
    }
}
