package org.linli.points.internal;

import java.time.OffsetDateTime;
import java.util.List;
import org.linli.points.PointsHistory;
import org.linli.points.PointsRedeemed;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Replays the redemptions of a period from their table. */
@Component
class RedemptionHistory implements PointsHistory {

    private final JdbcClient jdbc;

    RedemptionHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<PointsRedeemed> redeemed(OffsetDateTime from, OffsetDateTime to) {
        return jdbc.sql("""
                select r.id, m.center_code, m.code, r.points, r.created_at from redemption r
                  join merchant m on m.id = r.merchant_id
                 where r.created_at >= ? and r.created_at < ? order by r.id""").params(from, to)
                .query((rs, n) -> new PointsRedeemed(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                        rs.getObject(5, OffsetDateTime.class)))
                .list();
    }

    @Override
    public List<org.linli.points.PointsEarned> earned(OffsetDateTime from, OffsetDateTime to) {
        return jdbc.sql("""
                select t.id, a.center_code, -e.amount, t.created_at from points_transaction t
                  join points_entry e on e.transaction_id = t.id
                  join points_account a on a.id = e.account_id and a.kind = 'ISSUANCE'
                 where t.kind in ('EARN', 'ADJUST') and t.created_at >= ? and t.created_at < ? order by t.id""")
                .params(from, to)
                .query((rs, n) -> new org.linli.points.PointsEarned(rs.getLong(1), rs.getString(2), rs.getLong(3),
                        rs.getObject(4, OffsetDateTime.class)))
                .list();
    }

    @Override
    public java.util.Map<String, String> merchantNames() {
        java.util.Map<String, String> names = new java.util.LinkedHashMap<>();
        jdbc.sql("select code, name from merchant order by code").query((rs, n) -> names.put(rs.getString(1),
                rs.getString(2))).list();
        return names;
    }
}
