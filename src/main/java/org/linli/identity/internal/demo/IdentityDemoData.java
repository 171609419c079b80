package org.linli.identity.internal.demo;

import java.util.Random;
import org.linli.centers.Center;
import org.linli.centers.CenterLevel;
import org.linli.centers.Centers;
import org.linli.platform.DemoDataSet;
import org.linli.platform.DemoOnly;
import org.linli.platform.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The demo's accounts: staff at every center (22 at 小街, 20 at 凤凰山, 5–10 elsewhere), a center
 * admin per center, a street admin per street, the district admin, the auditor, ten merchant
 * operators at 凤凰山, and a few residents with numbers from the fake 1380000xxxx block. Every
 * password-holder uses {@link #PASSWORD}, shown on the sign-in page in demo mode only.
 */
@Component
@DemoOnly
class IdentityDemoData implements DemoDataSet {

    static final String PASSWORD = "Linli@2026";
    static final String[] MERCHANTS = {"fhs-market", "fhs-fresh", "fhs-english", "fhs-barber", "fhs-pharmacy",
            "fhs-bakery", "fhs-tea", "fhs-books", "fhs-fruit", "fhs-music"};
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙",
            "马", "朱", "胡", "郭", "何", "林", "罗", "高"};
    private static final String[] GIVEN = {"丽", "强", "敏", "静", "磊", "洋", "艳", "勇", "军", "杰", "娟", "涛",
            "明", "超", "秀英", "桂芳", "建华", "晓燕", "志强", "海燕"};

    private final Centers centers;
    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;

    IdentityDemoData(Centers centers, JdbcClient jdbc, PasswordEncoder encoder) {
        this.centers = centers;
        this.jdbc = jdbc;
        this.encoder = encoder;
    }

    @Override
    public String name() {
        return "identity";
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public void load() {
        String hash = encoder.encode(PASSWORD);
        Random random = new Random(20260728L);
        String district = centers.district().orElseThrow().code().value();
        account("district-admin", "区管理员 周红", hash, Role.DISTRICT_ADMIN, district, null);
        account("auditor", "审计员 孙立", hash, Role.AUDITOR, district, null);
        for (Center center : centers.all()) {
            String code = center.code().value();
            if (center.level() == CenterLevel.STREET) {
                account(code + "-admin", center.nameZh().replace("党群服务中心", "") + "管理员 " + name(random), hash,
                        Role.STREET_ADMIN, code, null);
            }
            long admin = account(code + "-center-admin", "中心负责人 " + name(random), hash, Role.CENTER_ADMIN, code,
                    null);
            grant(admin, Role.STAFF, code, null);
            int staff = switch (code) {
                case "xiaojie" -> 22;
                case "fenghuangshan" -> 20;
                default -> center.level() == CenterLevel.COMMUNITY ? 5 + random.nextInt(6) : 3;
            };
            for (int i = 1; i <= staff; i++) {
                account(code + "-staff%02d".formatted(i), name(random), hash, Role.STAFF, code, null);
            }
        }
        for (int i = 0; i < MERCHANTS.length; i++) {
            account(MERCHANTS[i] + "-operator", "商户操作员 " + name(random), hash, Role.MERCHANT, "fenghuangshan",
                    MERCHANTS[i]);
        }
        for (int i = 1; i <= 5; i++) {
            long id = jdbc.sql("insert into account (phone, display_name) values (?, ?) returning id")
                    .params("1380000%04d".formatted(i), "居民 " + name(random)).query(Long.class).single();
            grant(id, Role.RESIDENT, district, null);
        }
    }

    private long account(String username, String displayName, String hash, Role role, String center,
            String merchant) {
        long id = jdbc.sql("""
                insert into account (username, display_name, password_hash, password_changed_at)
                values (?, ?, ?, now()) returning id
                """).params(username, displayName, hash).query(Long.class).single();
        grant(id, role, center, merchant);
        return id;
    }

    private void grant(long account, Role role, String center, String merchant) {
        jdbc.sql("insert into role_grant (account_id, role, center_id, merchant_code) values (?, ?, (select id from center where code = ?), ?)")
                .params(account, role.name(), center, merchant).update();
    }

    private static String name(Random random) {
        return SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)];
    }

}
