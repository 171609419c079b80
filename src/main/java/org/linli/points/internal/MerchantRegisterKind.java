package org.linli.points.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.linli.identity.Callers;
import org.linli.platform.RegisterReader;
import org.linli.registers.RegisterKind;
import org.springframework.stereotype.Component;

/**
 * The merchant register (商户台账) of the shops taking points: one merchant per row, with its
 * operator's mobile number (who is granted MERCHANT there). Only the center's admins import it, as
 * only they register merchants one by one.
 */
@Component
class MerchantRegisterKind implements RegisterKind {

    static final List<String> HEADERS = List.of("商户编号", "商户名称", "类别", "地址", "店员手机号");
    private static final Map<String, String> FIELD_HEADERS = Map.of("code", "商户编号", "name", "商户名称", "kind",
            "类别", "address", "地址", "operatorPhone", "店员手机号");

    private final Merchants merchants;

    MerchantRegisterKind(Merchants merchants) {
        this.merchants = merchants;
    }

    @Override
    public Description description() {
        return new Description("MERCHANTS", "merchants", "积分商户登记",
                "商户编号用小写英文字母、数字和短横线（如 laojie-noodles），全区不重复", HEADERS, Callers.ADMINS, "points");
    }

    static Merchants.NewMerchant merchant(RegisterReader.Row row) {
        return new Merchants.NewMerchant(row.get("商户编号"), row.get("商户名称"), row.get("类别"), row.get("地址"),
                row.get("店员手机号"));
    }

    @Override
    public RowCheck checker(String centerCode) {
        Set<String> codes = new HashSet<>();
        return row -> {
            List<Problem> problems = new ArrayList<>();
            Merchants.NewMerchant in = merchant(row);
            merchants.problems(in).forEach((field, code) -> problems.add(new Problem(
                    FIELD_HEADERS.getOrDefault(field, field), code)));
            if (in.code() != null && !codes.add(in.code().strip())) {
                problems.add(new Problem("商户编号", "IMPORT_DUPLICATE_ROW"));
            }
            return problems;
        };
    }

    @Override
    public void write(String centerCode, long staff, RegisterReader.Row row) {
        merchants.register(centerCode, merchant(row));
    }
}
