package org.linli.homevisits.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.linli.platform.RegisterReader;
import org.linli.platform.Role;
import org.linli.registers.RegisterKind;
import org.springframework.stereotype.Component;

/** The home-service register (上门服务登记) staff keep, as an import reads it: one resident per row. */
@Component
class HomeCareRegisterKind implements RegisterKind {

    static final List<String> HEADERS = List.of("居民手机号", "姓名", "原因", "残疾等级", "小区或街道", "楼栋", "房号",
            "入户提示", "健康情况", "联系人", "联系人电话", "方便的时间", "是否同意", "同意用途");
    static final Map<String, String> REASONS = Map.of("80岁以上", "AGE_80_PLUS", "残疾", "DISABILITY", "独居",
            "LIVES_ALONE", "临时患病", "TEMPORARY_ILLNESS", "其他", "OTHER");
    private static final Map<String, String> FIELD_HEADERS = Map.ofEntries(Map.entry("residentPhone", "居民手机号"),
            Map.entry("name", "姓名"), Map.entry("reason", "原因"), Map.entry("disabilityGrade", "残疾等级"),
            Map.entry("address", "小区或街道"), Map.entry("building", "楼栋"), Map.entry("room", "房号"),
            Map.entry("accessNotes", "入户提示"), Map.entry("health", "健康情况"), Map.entry("contactName", "联系人"),
            Map.entry("contactPhone", "联系人电话"), Map.entry("preferredTimes", "方便的时间"),
            Map.entry("consent", "是否同意"), Map.entry("consentPurpose", "同意用途"), Map.entry("familyPhone", "家属"));

    private final HomeCareRegister register;

    HomeCareRegisterKind(HomeCareRegister register) {
        this.register = register;
    }

    @Override
    public Description description() {
        return new Description("HOME_CARE", "home-care", "上门服务登记", "原因填：80岁以上、残疾、独居、临时患病、其他；是否同意填：是",
                HEADERS, Set.of(Role.STAFF, Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN), "home-visits");
    }

    /** A spreadsheet row as the register's input; a text in the number column is the row's problem. */
    static HomeCareRegister.Input input(RegisterReader.Row row, List<Problem> problems) {
        Integer grade = null;
        String gradeText = row.get("残疾等级");
        if (gradeText != null) {
            try {
                grade = Integer.valueOf(gradeText.replace("级", "").strip());
            } catch (NumberFormatException notANumber) {
                problems.add(new Problem("残疾等级", "IMPORT_NOT_A_NUMBER"));
            }
        }
        String reason = row.get("原因") == null ? null : REASONS.getOrDefault(row.get("原因"), row.get("原因"));
        String consent = row.get("是否同意");
        return new HomeCareRegister.Input(row.get("居民手机号"), row.get("姓名"), reason, grade, row.get("小区或街道"),
                row.get("楼栋"), row.get("房号"), row.get("健康情况"), row.get("入户提示"), row.get("联系人"),
                row.get("联系人电话"), null, row.get("方便的时间"), "是".equals(consent) || "同意".equals(consent),
                row.get("同意用途"));
    }

    @Override
    public RowCheck checker(String centerCode) {
        Set<String> phones = new HashSet<>();
        return row -> {
            List<Problem> problems = new ArrayList<>();
            HomeCareRegister.Input in = input(row, problems);
            register.problems(in).forEach((field, code) -> problems.add(new Problem(
                    FIELD_HEADERS.getOrDefault(field, field), code)));
            if (in.residentPhone() != null && !phones.add(in.residentPhone().replaceAll("\\D", ""))) {
                problems.add(new Problem("居民手机号", "IMPORT_DUPLICATE_ROW"));
            }
            return problems;
        };
    }

    @Override
    public void write(String centerCode, long staff, RegisterReader.Row row) {
        register.write(centerCode, staff, input(row, new ArrayList<>()));
    }
}
