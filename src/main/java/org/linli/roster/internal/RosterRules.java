package org.linli.roster.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.linli.identity.AccountDirectory;
import org.linli.platform.LinliException;
import org.linli.platform.PlainText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A center's roster settings: swaps approved automatically or not, weekends in a row, skills. */
@Service
class RosterRules {

    static final Set<String> KINDS = Set.of("LUNCHTIME", "EVENING", "WEEKEND", "HOLIDAY_DUTY");

    record Settings(boolean swapAutoApprove, int maxWeekendsRunning) {

        RosterSettings solverSettings() {
            return new RosterSettings(maxWeekendsRunning);
        }
    }

    private final JdbcClient jdbc;
    private final AccountDirectory accounts;

    RosterRules(JdbcClient jdbc, AccountDirectory accounts) {
        this.jdbc = jdbc;
        this.accounts = accounts;
    }

    Settings settings(String centerCode) {
        return jdbc.sql("select swap_auto_approve, max_weekends_running from roster_setting where center_code = ?")
                .param(centerCode).query(Settings.class).optional().orElse(new Settings(false, 1));
    }

    @Transactional
    Settings save(String centerCode, Boolean swapAutoApprove, Integer maxWeekendsRunning) {
        Settings now = settings(centerCode);
        int max = maxWeekendsRunning == null ? now.maxWeekendsRunning() : maxWeekendsRunning;
        if (max < 1 || max > 5) {
            throw LinliException.invalidField("maxWeekendsRunning", "ROSTER_WEEKENDS_RANGE");
        }
        boolean auto = swapAutoApprove == null ? now.swapAutoApprove() : swapAutoApprove;
        jdbc.sql("""
                insert into roster_setting (center_code, swap_auto_approve, max_weekends_running) values (?, ?, ?)
                on conflict (center_code) do update set swap_auto_approve = excluded.swap_auto_approve,
                       max_weekends_running = excluded.max_weekends_running""")
                .params(centerCode, auto, max).update();
        return settings(centerCode);
    }

    /** Shift kind → the skill one person on it must have. */
    Map<String, String> skillRules(String centerCode) {
        Map<String, String> rules = new LinkedHashMap<>();
        jdbc.sql("select kind, skill from duty_skill_rule where center_code = ? order by kind").param(centerCode)
                .query((rs, n) -> rules.put(rs.getString(1), rs.getString(2))).list();
        return rules;
    }

    /** Sets (or, with a blank skill, removes) the skill a kind of shift needs. */
    @Transactional
    void skillRule(String centerCode, String kind, String skill) {
        if (!KINDS.contains(kind)) {
            throw LinliException.invalidField("kind", "ROSTER_KIND_UNKNOWN");
        }
        String cleaned = PlainText.check("skill", skill, 40);
        if (cleaned == null) {
            jdbc.sql("delete from duty_skill_rule where center_code = ? and kind = ?").params(centerCode, kind)
                    .update();
            return;
        }
        jdbc.sql("""
                insert into duty_skill_rule (center_code, kind, skill) values (?, ?, ?)
                on conflict (center_code, kind) do update set skill = excluded.skill""")
                .params(centerCode, kind, cleaned).update();
    }

    /** Each staff member's skills at the center. */
    Map<Long, List<String>> skills(String centerCode) {
        Map<Long, List<String>> skills = new LinkedHashMap<>();
        jdbc.sql("select account_id, skill from staff_skill where center_code = ? order by account_id, skill")
                .param(centerCode)
                .query((rs, n) -> skills.computeIfAbsent(rs.getLong(1), k -> new java.util.ArrayList<>())
                        .add(rs.getString(2)))
                .list();
        return skills;
    }

    /** Replaces a staff member's skills (comma- or 、-separated on the page). */
    @Transactional
    void skills(String centerCode, long accountId, List<String> skills) {
        requireStaff(centerCode, accountId);
        if (skills != null && skills.size() > 10) {
            throw LinliException.invalidField("skills", "ROSTER_SKILLS_TOO_MANY");
        }
        jdbc.sql("delete from staff_skill where center_code = ? and account_id = ?").params(centerCode, accountId)
                .update();
        for (String skill : skills == null ? List.<String>of() : skills) {
            String cleaned = PlainText.check("skills", skill, 40);
            if (cleaned != null) {
                jdbc.sql("insert into staff_skill (center_code, account_id, skill) values (?, ?, ?) on conflict do nothing")
                        .params(centerCode, accountId, cleaned).update();
            }
        }
    }

    /** Staff of another center (or nobody) are not found here. */
    AccountDirectory.Contact requireStaff(String centerCode, long accountId) {
        return accounts.staffAt(centerCode).stream().filter(c -> c.accountId() == accountId).findFirst()
                .orElseThrow(() -> LinliException.notFound("STAFF_NOT_FOUND", accountId));
    }
}
