package org.linli.centers.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.linli.centers.Center;
import org.linli.centers.CenterCode;
import org.linli.centers.CenterLevel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class CenterRepository {

    private static final String SELECT = """
            select c.code, c.name_zh, c.name_en, c.level, p.code as parent_code, c.address_zh, c.address_en, c.phone
              from center c left join center p on p.id = c.parent_id
            """;
    private static final String ORDER = " order by array_position(array['DISTRICT','STREET','COMMUNITY'], c.level::text), c.id";

    private final JdbcClient jdbc;

    CenterRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Center> findAll() {
        return jdbc.sql(SELECT + ORDER).query(CenterRepository::map).list();
    }

    public Optional<Center> findByCode(CenterCode code) {
        return jdbc.sql(SELECT + " where c.code = ?").param(code.value()).query(CenterRepository::map).optional();
    }

    public List<Center> findChildren(CenterCode parent) {
        return jdbc.sql(SELECT + " where p.code = ?" + ORDER).param(parent.value()).query(CenterRepository::map).list();
    }

    /** From the district down to the center, in one query (the access check runs it on every request). */
    public List<Center> findPath(CenterCode code) {
        return jdbc.sql("""
                with recursive up(id, parent_id, depth) as (
                    select id, parent_id, 0 from center where code = ?
                    union all
                    select c.id, c.parent_id, up.depth + 1 from center c join up on c.id = up.parent_id
                )
                """ + SELECT.replace("from center c", "from up join center c on c.id = up.id")
                + " order by up.depth desc").param(code.value()).query(CenterRepository::map).list();
    }

    /** The center and every center under it, in one query. */
    public List<String> findSubtreeCodes(CenterCode code) {
        return jdbc.sql("""
                with recursive down(id, code) as (
                    select id, code from center where code = ?
                    union all
                    select c.id, c.code from center c join down on c.parent_id = down.id
                )
                select code from down
                """).param(code.value()).query(String.class).list();
    }

    public void insert(Center center) {
        jdbc.sql("""
                insert into center (code, name_zh, name_en, level, parent_id, address_zh, address_en, phone)
                values (:code, :nameZh, :nameEn, :level, (select id from center where code = :parent),
                        :addressZh, :addressEn, :phone)
                """)
                .param("code", center.code().value())
                .param("nameZh", center.nameZh())
                .param("nameEn", center.nameEn())
                .param("level", center.level().name())
                .param("parent", center.parentCode() == null ? null : center.parentCode().value())
                .param("addressZh", center.addressZh())
                .param("addressEn", center.addressEn())
                .param("phone", center.phone())
                .update();
    }

    private static Center map(ResultSet rs, int row) throws SQLException {
        String parent = rs.getString("parent_code");
        return new Center(new CenterCode(rs.getString("code")), rs.getString("name_zh"), rs.getString("name_en"),
                CenterLevel.valueOf(rs.getString("level")), parent == null ? null : new CenterCode(parent),
                rs.getString("address_zh"), rs.getString("address_en"), rs.getString("phone"));
    }
}
