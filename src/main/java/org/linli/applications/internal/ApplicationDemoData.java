package org.linli.applications.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.linli.catalog.Catalog;
import org.linli.catalog.FormField;
import org.linli.catalog.PublishedItem;
import org.linli.identity.AccountDirectory;
import org.linli.platform.DemoDataSet;
import org.linli.platform.DemoOnly;
import org.linli.platform.IdCardNumber;
import org.linli.platform.PhoneNumber;
import org.linli.platform.RequestTimes;
import org.linli.platform.SensitiveData;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Applications at 小街 in every status, with their history: new ones, accepted ones (one due soon, one
 * overdue), one awaiting a supplement, one refused, proxy items forwarded upstream (one with its
 * result), completed ones rated 5, 4 and 2 stars (the last opens a follow-up), and one withdrawn.
 */
@Component
@DemoOnly
class ApplicationDemoData implements DemoDataSet {

    private final ApplicationRepository repository;
    private final ApplicationService service;
    private final Catalog catalog;
    private final AccountDirectory accounts;
    private final SensitiveData crypto;
    private final JsonMapper json;

    ApplicationDemoData(ApplicationRepository repository, ApplicationService service, Catalog catalog,
            AccountDirectory accounts, SensitiveData crypto, JsonMapper json) {
        this.repository = repository;
        this.service = service;
        this.catalog = catalog;
        this.accounts = accounts;
        this.crypto = crypto;
        this.json = json;
    }

    @Override
    public String name() {
        return "applications";
    }

    @Override
    public int order() {
        return 50;
    }

    private record Plan(String item, int resident, int daysAgo, List<String> steps) {
    }

    @Override
    public void load() {
        List<Plan> plans = List.of(
                new Plan("SI-08", 11, 0, List.of()),
                new Plan("RE-01", 12, 1, List.of()),
                new Plan("EM-01", 13, 2, List.of("ACCEPT")),
                new Plan("SI-10", 14, 9, List.of("ACCEPT")),
                new Plan("RE-01", 15, 3, List.of("REQUEST_SUPPLEMENT")),
                new Plan("SI-11", 16, 4, List.of("REFUSE")),
                new Plan("SA-01", 17, 6, List.of("ACCEPT", "FORWARD")),
                new Plan("EL-01", 18, 12, List.of("ACCEPT", "FORWARD", "RECORD_RESULT")),
                new Plan("SI-08", 19, 20, List.of("ACCEPT", "COMPLETE", "RATE5")),
                new Plan("EL-01", 20, 30, List.of("ACCEPT", "FORWARD", "RECORD_RESULT", "COMPLETE", "RATE4")),
                new Plan("EM-01", 21, 15, List.of("ACCEPT", "COMPLETE", "RATE2")),
                new Plan("SI-11", 22, 5, List.of("WITHDRAW")));
        for (Plan plan : plans) {
            PublishedItem item = catalog.published("xiaojie", plan.item()).orElseThrow();
            String phone = "1380000%04d".formatted(plan.resident());
            long applicant = accounts.ensureResident(new PhoneNumber(phone), null);
            OffsetDateTime at = OffsetDateTime.now(RequestTimes.ZONE).minusDays(plan.daysAgo()).withHour(9).withMinute(30);
            Application a = new Application(0, repository.nextNumber(at.toLocalDate()), "xiaojie", item.code(),
                    item.name(), item.kind(), applicant, null, "ONLINE", Status.SUBMITTED, Map.of("applicant", "SELF"),
                    item.timeLimit(), null, null, null, null, null, null, null, null, null, null, null, null, 0);
            long id = repository.insert(a, crypto.seal(json.writeValueAsString(values(item.fields(), phone,
                    plan.resident()))), null);
            a = repository.find(id).orElseThrow();
            repository.addEvent(id, applicant, "RESIDENT", "SUBMIT", null, Status.SUBMITTED, null, null);
            OffsetDateTime when = at;
            for (String step : plan.steps()) {
                when = when.plusHours(20);
                Status from = a.status();
                String reason = null;
                switch (step) {
                    case "ACCEPT" -> a = a.accept(when, service);
                    case "REQUEST_SUPPLEMENT" -> {
                        reason = "请补充上传房屋租赁合同（需有房东签字）的照片。";
                        a = a.requestSupplement(when, reason);
                    }
                    case "REFUSE" -> {
                        reason = "经核实，申请人的社会保障卡已于上月办理过密码重置，且本人未到场，无法核验身份。";
                        a = a.refuse(reason);
                    }
                    case "FORWARD" -> a = a.forward("GD-" + (2026_0000 + id), "区业务科 王老师 0871-6000" + (1000 + id));
                    case "RECORD_RESULT" -> {
                        reason = "主管部门已审核通过，证件已制作完成。";
                        a = a.recordResult(reason);
                    }
                    case "COMPLETE" -> {
                        a = a.complete(when, "PICKUP");
                        reason = "PICKUP";
                    }
                    case "WITHDRAW" -> a = a.withdraw();
                    default -> {
                        int stars = step.charAt(4) - '0';
                        a = a.rate(stars, stars <= 2 ? "排队等了很久，窗口说明不清楚。" : "工作人员很耐心，一次就办好了。");
                    }
                }
                repository.update(a);
                a = repository.find(id).orElseThrow();
                boolean rating = step.startsWith("RATE");
                repository.addEvent(id, rating || step.equals("WITHDRAW") ? applicant : null,
                        rating || step.equals("WITHDRAW") ? "RESIDENT" : "STAFF", rating ? "RATE" : step, from,
                        a.status(), rating ? a.rating() + "★ " + a.ratingComment() : reason, null);
                if (rating && a.rating() <= 2) {
                    repository.openFollowUp(id, "xiaojie");
                }
            }
        }
    }

    /** Plausible, valid values for every field of the form (synthetic: area code 530199). */
    static Map<String, String> values(List<FormField> fields, String phone, int seed) {
        Map<String, String> values = new LinkedHashMap<>();
        LocalDate birth = LocalDate.of(1950 + seed % 40, 1 + seed % 12, 1 + seed % 28);
        String first17 = "530199" + birth.toString().replace("-", "") + "%03d".formatted(100 + seed);
        for (FormField f : fields) {
            String v = switch (f.type()) {
                case TEXT -> f.name().toLowerCase().contains("name") ? "居民" + seed : "示例：" + f.label();
                case NUMBER -> String.valueOf(1 + seed % 4);
                case DATE -> birth.toString();
                case PHONE -> phone;
                case ID_NUMBER -> first17 + IdCardNumber.checkCharacter(first17);
                case CHOICE -> f.options().getFirst().value();
                case BOOLEAN -> "true";
            };
            values.put(f.name(), v);
        }
        return values;
    }
}
