package org.linli.activities.internal;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.linli.centers.Centers;
import org.linli.platform.LinliException;
import org.linli.platform.PlainText;
import org.linli.residents.HouseholdDirectory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * 需求调研: staff ask a center's residents a few questions (one choice, several choices or free text);
 * each resident answers once (a unique key holds it, whatever instance serves them), and staff read the
 * answers counted per option.
 */
@Service
class Surveys {

    enum Kind {
        SINGLE, MULTIPLE, TEXT
    }

    record QuestionInput(String kind, String text, List<String> options) {
    }

    record Question(int position, String kind, String text, List<String> options) {

        public boolean choice() {
            return !"TEXT".equals(kind);
        }

        public boolean multiple() {
            return "MULTIPLE".equals(kind);
        }
    }

    record Survey(long id, String centerCode, String title, String intro, String status, OffsetDateTime createdAt,
            int responses, List<Question> questions) {

        public boolean open() {
            return "OPEN".equals(status);
        }
    }

    /** One question's results: counts per option (choices) or the latest free-text answers. */
    record Result(Question question, List<Integer> counts, List<String> texts) {
    }

    private final JdbcClient jdbc;
    private final Centers centers;
    private final HouseholdDirectory households;
    private final JsonMapper json;

    Surveys(JdbcClient jdbc, Centers centers, HouseholdDirectory households, JsonMapper json) {
        this.jdbc = jdbc;
        this.centers = centers;
        this.households = households;
        this.json = json;
    }

    @Transactional
    long create(String centerCode, String title, String intro, List<QuestionInput> questions, Long actor) {
        centers.require(centerCode);
        String t = PlainText.check("title", title, 100);
        if (t == null) {
            throw LinliException.invalidField("title", "SURVEY_TITLE_REQUIRED");
        }
        List<QuestionInput> asked = questions == null ? List.of()
                : questions.stream().filter(q -> q != null && q.text() != null && !q.text().isBlank()).toList();
        if (asked.isEmpty() || asked.size() > 10) {
            throw LinliException.invalidField("questions", "SURVEY_QUESTION_COUNT", 1, 10);
        }
        long id = jdbc.sql("insert into survey (center_code, title, intro, created_by) values (:c, :t, :i, :by) "
                + "returning id").param("c", centerCode).param("t", t).param("i", PlainText.check("intro", intro, 500))
                .param("by", actor).query(Long.class).single();
        int position = 0;
        for (QuestionInput q : asked) {
            position++;
            String field = "questions[" + position + "]";
            Kind kind;
            try {
                kind = Kind.valueOf(q.kind() == null ? "" : q.kind());
            } catch (IllegalArgumentException unknown) {
                throw LinliException.invalidField(field + ".kind", "SURVEY_QUESTION_KIND", q.kind());
            }
            String text = PlainText.check(field + ".text", q.text(), 200);
            List<String> options = new ArrayList<>();
            if (kind != Kind.TEXT) {
                for (String option : q.options() == null ? List.<String>of() : q.options()) {
                    String o = PlainText.check(field + ".options", option, 60);
                    if (o != null && !options.contains(o)) {
                        options.add(o);
                    }
                }
                if (options.size() < 2 || options.size() > 10) {
                    throw LinliException.invalidField(field + ".options", "SURVEY_OPTION_COUNT", position, 2, 10);
                }
            }
            jdbc.sql("""
                    insert into survey_question (survey_id, position, kind, text, options)
                    values (:s, :p, :k, :t, cast(:o as jsonb))""")
                    .param("s", id).param("p", position).param("k", kind.name()).param("t", text)
                    .param("o", json.writeValueAsString(options)).update();
        }
        return id;
    }

    private static final String SURVEYS = """
            select id, center_code, title, intro, status, created_at,
                   (select count(*) from survey_response r where r.survey_id = s.id) as responses
              from survey s
            """;

    private record Head(long id, String centerCode, String title, String intro, String status,
            OffsetDateTime createdAt, int responses) {
    }

    Optional<Survey> find(String centerCode, long id) {
        return withQuestions(jdbc.sql(SURVEYS + " where id = :id and center_code = :c").param("id", id)
                .param("c", centerCode).query(Head.class).list()).stream().findFirst();
    }

    List<Survey> list(String centerCode, boolean openOnly) {
        return withQuestions(jdbc.sql(SURVEYS + """
                 where center_code = :c and (not :open or status = 'OPEN')
                 order by created_at desc, id desc limit 50""")
                .param("c", centerCode).param("open", openOnly).query(Head.class).list());
    }

    /** The surveys with their questions, read in one query for all of them. */
    private List<Survey> withQuestions(List<Head> heads) {
        if (heads.isEmpty()) {
            return List.of();
        }
        Map<Long, List<Question>> questions = new java.util.HashMap<>();
        jdbc.sql("select survey_id, position, kind, text, options::text from survey_question "
                + "where survey_id in (:ids) order by survey_id, position")
                .param("ids", heads.stream().map(Head::id).toList())
                .query((rs, n) -> questions.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                        .add(new Question(rs.getInt(2), rs.getString(3), rs.getString(4),
                                List.of(json.readValue(rs.getString(5), String[].class)))))
                .list();
        return heads.stream().map(h -> new Survey(h.id(), h.centerCode(), h.title(), h.intro(), h.status(),
                h.createdAt(), h.responses(), questions.getOrDefault(h.id(), List.of()))).toList();
    }

    boolean answered(long surveyId, long accountId) {
        return jdbc.sql("select count(*) from survey_response where survey_id = :s and account_id = :a")
                .param("s", surveyId).param("a", accountId).query(Integer.class).single() > 0;
    }

    /**
     * Records a resident's answers. Answers are keyed by question position: a choice question takes the
     * chosen option numbers (from 0; exactly one for SINGLE, at least one for MULTIPLE), a text question
     * takes text (optional). Residents whose real-name home is another community are refused.
     */
    @Transactional
    void answer(String centerCode, long surveyId, long accountId, Map<String, List<String>> answers) {
        Survey survey = find(centerCode, surveyId)
                .orElseThrow(() -> LinliException.notFound("SURVEY_NOT_FOUND", surveyId));
        if (!survey.open()) {
            throw LinliException.conflict("SURVEY_CLOSED", survey.title());
        }
        Optional<String> home = households.homeCenter(accountId);
        if (home.isPresent() && home.get() != null && !home.get().equals(centerCode)) {
            throw LinliException.forbidden("SURVEY_OTHER_CENTER");
        }
        Map<String, Object> stored = new LinkedHashMap<>();
        List<LinliException.FieldError> problems = new ArrayList<>();
        for (Question q : survey.questions()) {
            String key = String.valueOf(q.position());
            List<String> given = answers == null || answers.get(key) == null ? List.of()
                    : answers.get(key).stream().filter(v -> v != null && !v.isBlank()).toList();
            if (!q.choice()) {
                String text = given.isEmpty() ? null : given.getFirst();
                if (text != null) {
                    stored.put(key, PlainText.check("answers." + key, text, 500));
                }
                continue;
            }
            List<Integer> chosen = new ArrayList<>();
            for (String v : given) {
                try {
                    int i = Integer.parseInt(v.trim());
                    if (i >= 0 && i < q.options().size() && !chosen.contains(i)) {
                        chosen.add(i);
                        continue;
                    }
                } catch (NumberFormatException notANumber) {
                    // refused below with the question named
                }
                chosen = null;
                break;
            }
            if (chosen == null || chosen.isEmpty() || (!q.multiple() && chosen.size() > 1)) {
                problems.add(new LinliException.FieldError("answers." + key, "CHOICE", q.text()));
                continue;
            }
            stored.put(key, chosen);
        }
        if (!problems.isEmpty()) {
            throw LinliException.fields("SURVEY_ANSWER_INVALID", problems);
        }
        try {
            jdbc.sql("insert into survey_response (survey_id, account_id, answers) values (:s, :a, cast(:j as jsonb))")
                    .param("s", surveyId).param("a", accountId).param("j", json.writeValueAsString(stored)).update();
        } catch (DuplicateKeyException twice) {
            throw LinliException.conflict("SURVEY_ALREADY_ANSWERED", survey.title());
        }
    }

    List<Result> results(Survey survey) {
        List<Result> results = new ArrayList<>();
        for (Question q : survey.questions()) {
            String key = String.valueOf(q.position());
            if (q.choice()) {
                Integer[] counts = new Integer[q.options().size()];
                java.util.Arrays.fill(counts, 0);
                jdbc.sql("""
                        select cast(o as int) as i, count(*) as n
                          from survey_response r, jsonb_array_elements_text(r.answers -> :k) o
                         where r.survey_id = :s and jsonb_typeof(r.answers -> :k) = 'array' group by 1""")
                        .param("s", survey.id()).param("k", key)
                        .query((rs, n) -> {
                            int i = rs.getInt(1);
                            if (i >= 0 && i < counts.length) {
                                counts[i] = rs.getInt(2);
                            }
                            return i;
                        }).list();
                results.add(new Result(q, List.of(counts), List.of()));
            } else {
                results.add(new Result(q, List.of(), jdbc.sql("""
                        select answers ->> :k from survey_response
                         where survey_id = :s and jsonb_exists(answers, :k) order by answered_at desc limit 50""")
                        .param("s", survey.id()).param("k", key).query(String.class).list()));
            }
        }
        return results;
    }

    void close(String centerCode, long surveyId) {
        int n = jdbc.sql("update survey set status = 'CLOSED' where id = :id and center_code = :c and status = 'OPEN'")
                .param("id", surveyId).param("c", centerCode).update();
        if (n == 0) {
            throw find(centerCode, surveyId).isPresent() ? LinliException.conflict("SURVEY_CLOSED", "")
                    : LinliException.notFound("SURVEY_NOT_FOUND", surveyId);
        }
    }
}
