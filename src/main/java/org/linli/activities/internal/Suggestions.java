package org.linli.activities.internal;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.linli.centers.Centers;
import org.linli.platform.LinliException;
import org.linli.platform.PlainText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Residents suggest activities; staff see them counted by category and adopt one by publishing it. */
@Service
class Suggestions {

    record Suggestion(long id, String centerCode, long accountId, String title, String detail, String category,
            String status, Long activityId, OffsetDateTime createdAt) {

        public boolean open() {
            return "NEW".equals(status);
        }
    }

    private static final String COLUMNS = "id, center_code, account_id, title, detail, category, status, activity_id, "
            + "created_at";

    private final JdbcClient jdbc;
    private final Centers centers;

    Suggestions(JdbcClient jdbc, Centers centers) {
        this.jdbc = jdbc;
        this.centers = centers;
    }

    @Transactional
    long suggest(String centerCode, long accountId, String title, String detail, String category) {
        centers.require(centerCode);
        String t = PlainText.check("title", title, 100);
        if (t == null) {
            throw LinliException.invalidField("title", "SUGGESTION_TITLE_REQUIRED");
        }
        String c = category == null || category.isBlank() ? null : ActivityApiController.categoryOrRefuse(category);
        int recent = jdbc.sql("""
                select count(*) from activity_suggestion
                 where account_id = :a and created_at > now() - interval '1 day'""")
                .param("a", accountId).query(Integer.class).single();
        if (recent >= 5) {
            throw LinliException.conflict("SUGGESTION_LIMIT", 5);
        }
        return jdbc.sql("""
                insert into activity_suggestion (center_code, account_id, title, detail, category)
                values (:c, :a, :t, :d, :cat) returning id""")
                .param("c", centerCode).param("a", accountId).param("t", t)
                .param("d", PlainText.check("detail", detail, 1000)).param("cat", c).query(Long.class).single();
    }

    Optional<Suggestion> find(String centerCode, long id) {
        return jdbc.sql("select " + COLUMNS + " from activity_suggestion where id = :id and center_code = :c")
                .param("id", id).param("c", centerCode).query(Suggestion.class).optional();
    }

    List<Suggestion> page(String centerCode, int limit, int offset) {
        return jdbc.sql("select " + COLUMNS + " from activity_suggestion where center_code = :c " + """
                 order by case status when 'NEW' then 0 else 1 end, created_at desc, id desc limit :l offset :o""")
                .param("c", centerCode).param("l", limit).param("o", offset).query(Suggestion.class).list();
    }

    int count(String centerCode) {
        return jdbc.sql("select count(*) from activity_suggestion where center_code = :c").param("c", centerCode)
                .query(Integer.class).single();
    }

    /** Suggestions per category ("" for none given), for the chart staff read. */
    Map<String, Integer> byCategory(String centerCode) {
        Map<String, Integer> counts = new java.util.LinkedHashMap<>();
        jdbc.sql("""
                select coalesce(category, '') as category, count(*) as n from activity_suggestion
                 where center_code = :c group by 1 order by 2 desc, 1""")
                .param("c", centerCode).query((rs, n) -> counts.put(rs.getString(1), rs.getInt(2))).list();
        return counts;
    }

    /** Marks the suggestion answered by the activity just published (in the publishing transaction). */
    void adopt(String centerCode, long id, long activityId) {
        int n = jdbc.sql("""
                update activity_suggestion set status = 'ADOPTED', activity_id = :act
                 where id = :id and center_code = :c and status = 'NEW'""")
                .param("act", activityId).param("id", id).param("c", centerCode).update();
        if (n == 0) {
            throw find(centerCode, id).isPresent() ? LinliException.conflict("SUGGESTION_DECIDED")
                    : LinliException.notFound("SUGGESTION_NOT_FOUND", id);
        }
    }

    void decline(String centerCode, long id) {
        int n = jdbc.sql("""
                update activity_suggestion set status = 'DECLINED' where id = :id and center_code = :c and status = 'NEW'""")
                .param("id", id).param("c", centerCode).update();
        if (n == 0) {
            throw find(centerCode, id).isPresent() ? LinliException.conflict("SUGGESTION_DECIDED")
                    : LinliException.notFound("SUGGESTION_NOT_FOUND", id);
        }
    }
}
