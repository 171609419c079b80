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
    public java.util.Map<String, String> merchantNames() {
        java.util.Map<String, String> names = new java.util.LinkedHashMap<>();
        jdbc.sql("select code, name from merchant order by code").query((rs, n) -> names.put(rs.getString(1),
                rs.getString(2))).list();
        return names;
    }
}
