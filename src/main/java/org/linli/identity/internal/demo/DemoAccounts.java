package org.linli.identity.internal.demo;

import java.util.List;
import org.linli.platform.DemoOnly;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Every demo account, one entry per role it holds, as the sign-in page and the demo API list them. */
@Component
@DemoOnly
public class DemoAccounts {

    private final JdbcClient jdbc;

    public DemoAccounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Entry(String role, String centerCode, String merchantCode, String username, String phone, String password,
            String displayName) {
    }

    public List<Entry> all() {
        return jdbc.sql("""
                select g.role, c.code, g.merchant_code, a.username, a.phone, a.display_name
                  from role_grant g join account a on a.id = g.account_id join center c on c.id = g.center_id
                 where a.username is not null or a.phone like '1380000%'
                 order by array_position(array['DISTRICT_ADMIN','AUDITOR','STREET_ADMIN','CENTER_ADMIN','STAFF',
                          'MERCHANT','PARTNER_COORDINATOR','VOLUNTEER','RESIDENT'], g.role::text), c.id, a.id
                """).query((rs, row) -> new Entry(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(4) == null ? null : IdentityDemoData.PASSWORD, rs.getString(6)))
                .list();
    }

    /** A few accounts per role for the sign-in page (the API lists all). */
    public java.util.Map<String, List<Entry>> sample(int perRole) {
        java.util.Map<String, List<Entry>> byRole = new java.util.LinkedHashMap<>();
        for (Entry entry : all()) {
            List<Entry> list = byRole.computeIfAbsent(entry.role(), r -> new java.util.ArrayList<>());
            if (list.size() < perRole) {
                list.add(entry);
            }
        }
        return byRole;
    }
}
