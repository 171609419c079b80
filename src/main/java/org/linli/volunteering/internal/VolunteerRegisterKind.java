package org.linli.volunteering.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.linli.identity.AccountDirectory;
import org.linli.platform.IdCardNumber;
import org.linli.platform.LinliException;
import org.linli.platform.PhoneNumber;
import org.linli.platform.RegisterReader;
import org.linli.platform.RequestTimes;
import org.linli.platform.Role;
import org.linli.registers.RegisterKind;
import org.linli.residents.RealNameRegister;
import org.springframework.stereotype.Component;

/**
 * The volunteer register (志愿者台账) a center kept before Linli: one adult volunteer per row, with
 * the real-name details the register holds and the volunteer's consent. Each row becomes an account
 * (by mobile number), its real-name record and an active volunteer of the center. Minors are not
 * imported: a guardian registers them online, which is their consent.
 */
@Component
class VolunteerRegisterKind implements RegisterKind {

    static final List<String> HEADERS = List.of("手机号", "姓名", "身份证号", "技能", "语言", "服务时段", "服务区域",
            "紧急联系人", "紧急联系人电话", "是否同意");
    static final Map<String, String> AVAILABILITY = Map.of("工作日白天", "WEEKDAY_DAYTIME", "工作日晚上",
            "WEEKDAY_EVENING", "周末", "WEEKEND", "节假日", "HOLIDAY");
    private static final Map<String, String> FIELD_HEADERS = Map.of("phone", "手机号", "realName", "姓名",
            "idNumber", "身份证号", "skills", "技能", "languages", "语言", "availability", "服务时段", "serviceAreas", "服务区域",
            "emergencyName", "紧急联系人", "emergencyPhone", "紧急联系人电话");
    static final String CONSENT_NOTE = "志愿者登记台账导入：工作人员据本人同意登记实名信息";

    private final Volunteers volunteers;
    private final VolunteerRepository repository;
    private final RealNameRegister realNames;
    private final AccountDirectory accounts;
    private final org.linli.centers.Centers centers;

    VolunteerRegisterKind(Volunteers volunteers, VolunteerRepository repository, RealNameRegister realNames,
            AccountDirectory accounts, org.linli.centers.Centers centers) {
        this.centers = centers;
        this.volunteers = volunteers;
        this.repository = repository;
        this.realNames = realNames;
        this.accounts = accounts;
    }

    @Override
    public Description description() {
        return new Description("VOLUNTEERS", "volunteers", "志愿者登记",
                "服务时段填：工作日白天、工作日晚上、周末、节假日（多个用顿号隔开）；是否同意填：是；只导入18岁以上", HEADERS,
                Set.of(Role.STAFF, Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN), "partners");
    }

    /** A cell listing several values: split on the separators people type (、，,；; and spaces). */
    static List<String> list(String cell) {
        return cell == null ? List.of()
                : Arrays.stream(cell.split("[、，,；;\\s]+")).filter(s -> !s.isBlank()).toList();
    }

    static Volunteers.Form form(RegisterReader.Row row, String centerCode) {
        List<String> availability = list(row.get("服务时段")).stream().map(a -> AVAILABILITY.getOrDefault(a, a))
                .toList();
        return new Volunteers.Form(list(row.get("技能")), list(row.get("语言")), availability, list(row.get("服务区域")),
                row.get("紧急联系人"), row.get("紧急联系人电话"), centerCode);
    }

    static boolean consented(RegisterReader.Row row) {
        String consent = row.get("是否同意");
        return "是".equals(consent) || "同意".equals(consent);
    }

    @Override
    public RowCheck checker(String centerCode) {
        if (centers.find(centerCode).filter(c -> c.level() == org.linli.centers.CenterLevel.COMMUNITY).isEmpty()) {
            // volunteers serve a community center: the whole file is refused once, not row by row
            throw LinliException.badRequest("VOLUNTEER_CENTER_REQUIRED");
        }
        Set<String> phones = new HashSet<>();
        Set<String> idNumbers = new HashSet<>();
        LocalDate today = LocalDate.now(RequestTimes.ZONE);
        return row -> {
            List<Problem> problems = new ArrayList<>();
            PhoneNumber phone = PhoneNumber.parseOrNull(row.get("手机号"));
            Long account = null;
            if (phone == null) {
                problems.add(new Problem("手机号", "PHONE_INVALID"));
            } else {
                if (!phones.add(phone.value())) {
                    problems.add(new Problem("手机号", "IMPORT_DUPLICATE_ROW"));
                }
                account = accounts.idByPhone(phone).orElse(null);
                if (account != null && repository.byAccount(account).isPresent()) {
                    problems.add(new Problem("手机号", "VOLUNTEER_EXISTS"));
                }
            }
            Map<String, String> realName = realNames.problems(account, row.get("姓名"), row.get("身份证号"));
            realName.forEach((field, code) -> problems.add(new Problem(FIELD_HEADERS.get(field), code)));
            String id = IdCardNumber.normalise(row.get("身份证号"));
            if (!realName.containsKey("idNumber")) {
                if (!idNumbers.add(id)) {
                    problems.add(new Problem("身份证号", "IMPORT_DUPLICATE_ROW"));
                } else if (new IdCardNumber(id).ageOn(today) < 18) {
                    problems.add(new Problem("身份证号", "VOLUNTEER_IMPORT_ADULTS_ONLY"));
                }
            }
            volunteers.problem(form(row, centerCode)).ifPresent(wrong -> problems.add(new Problem(
                    FIELD_HEADERS.getOrDefault(wrong.field(), wrong.field()), wrong.code())));
            if (!consented(row)) {
                problems.add(new Problem("是否同意", "CONSENT_REQUIRED"));
            }
            return problems;
        };
    }

    @Override
    public void write(String centerCode, long staff, RegisterReader.Row row) {
        if (!consented(row)) {
            throw LinliException.invalidField("consent", "CONSENT_REQUIRED");
        }
        PhoneNumber phone = PhoneNumber.parseOrNull(row.get("手机号"));
        if (phone == null) {
            throw LinliException.invalidField("phone", "PHONE_INVALID");
        }
        String name = row.get("姓名");
        Long existing = accounts.idByPhone(phone).orElse(null);
        long account = existing != null ? existing
                : accounts.ensureResident(phone, name == null ? null : name.charAt(0) + "**");
        realNames.recordFromRegister(account, existing == null, name, row.get("身份证号"), centerCode, staff,
                CONSENT_NOTE);
        volunteers.registerFromRegister(account, form(row, centerCode));
    }
}
