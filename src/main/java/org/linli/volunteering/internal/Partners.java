package org.linli.volunteering.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.linli.centers.Centers;
import org.linli.identity.AccountDirectory;
import org.linli.platform.CreditCode;
import org.linli.platform.LinliException;
import org.linli.platform.PhoneNumber;
import org.linli.platform.PlainText;
import org.linli.platform.RequestTimes;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Partner organisations (a university, a company, a government unit, a social organisation) with their
 * co-building agreement and coordinator, who invites members by link and sees their hours; and teams
 * that group volunteers across organisations, each with its WeCom group robot.
 */
@Service
class Partners {

    enum Kind {
        UNIVERSITY, COMPANY, GOVERNMENT, SOCIAL_ORG
    }

    record NewPartner(String code, String name, String kind, String creditCode, String agreementFrom,
            String agreementTo, String provides, String coordinatorPhone) {
    }

    record Partner(long id, String centerCode, String code, String name, String kind, String creditCode,
            LocalDate agreementFrom, LocalDate agreementTo, String provides, long coordinatorAccountId,
            String inviteToken) {
    }

    record Team(long id, String centerCode, String code, String name, String webhookUrl) {

        public boolean robot() {
            return webhookUrl != null;
        }
    }

    record Member(long volunteerId, String number, Long accountId, int confirmedMinutes, int records) {

        public String hours() {
            return "%.1f".formatted(confirmedMinutes / 60.0);
        }
    }

    private static final String PARTNER_COLUMNS = "id, center_code, code, name, kind, credit_code, agreement_from, "
            + "agreement_to, provides, coordinator_account_id, invite_token";

    private final JdbcClient jdbc;
    private final Centers centers;
    private final AccountDirectory accounts;
    private final VolunteerRepository volunteers;
    private final WebhookAddresses webhooks;

    Partners(JdbcClient jdbc, Centers centers, AccountDirectory accounts, VolunteerRepository volunteers,
            WebhookAddresses webhooks) {
        this.jdbc = jdbc;
        this.centers = centers;
        this.accounts = accounts;
        this.volunteers = volunteers;
        this.webhooks = webhooks;
    }

    @Transactional
    Partner register(String centerCode, NewPartner in) {
        centers.require(centerCode);
        String code = in.code() == null ? "" : in.code().strip();
        if (!code.matches("[a-z][a-z0-9-]{1,39}")) {
            throw LinliException.invalidField("code", "PARTNER_CODE_INVALID");
        }
        String name = PlainText.check("name", in.name(), 100);
        if (name == null) {
            throw LinliException.invalidField("name", "PARTNER_NAME_REQUIRED");
        }
        String kind;
        try {
            kind = Kind.valueOf(in.kind() == null ? "" : in.kind()).name();
        } catch (IllegalArgumentException unknown) {
            throw LinliException.invalidField("kind", "PARTNER_KIND_UNKNOWN", in.kind());
        }
        String credit = CreditCode.normalise(in.creditCode());
        if (!CreditCode.valid(credit)) {
            throw LinliException.invalidField("creditCode", "CREDIT_CODE_INVALID");
        }
        LocalDate from = RequestTimes.date("agreementFrom", in.agreementFrom());
        LocalDate to = RequestTimes.date("agreementTo", in.agreementTo());
        if (to.isBefore(from)) {
            throw LinliException.invalidField("agreementTo", "AGREEMENT_ENDS_BEFORE_START");
        }
        PhoneNumber phone = PhoneNumber.parseOrNull(in.coordinatorPhone());
        if (phone == null) {
            throw LinliException.invalidField("coordinatorPhone", "PHONE_INVALID");
        }
        long coordinator = accounts.ensureResident(phone, null);
        try {
            long id = jdbc.sql("""
                    insert into partner_org (center_code, code, name, kind, credit_code, agreement_from, agreement_to,
                           provides, coordinator_account_id, invite_token)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                    .params(centerCode, code, name, kind, credit, from, to,
                            PlainText.check("provides", in.provides(), 300), coordinator, org.linli.platform.RandomCodes.of(20))
                    .query(Long.class).single();
            accounts.grant(coordinator, org.linli.platform.Role.PARTNER_COORDINATOR, centerCode, null);
            return byId(id).orElseThrow();
        } catch (DuplicateKeyException taken) {
            throw LinliException.conflict("PARTNER_EXISTS");
        }
    }

    Optional<Partner> byId(long id) {
        return jdbc.sql("select " + PARTNER_COLUMNS + " from partner_org where id = ?").param(id)
                .query(Partner.class).optional();
    }

    Optional<Partner> byCode(String code) {
        return jdbc.sql("select " + PARTNER_COLUMNS + " from partner_org where code = ?").param(code)
                .query(Partner.class).optional();
    }

    List<Partner> coordinatedBy(long accountId) {
        return jdbc.sql("select " + PARTNER_COLUMNS + " from partner_org where coordinator_account_id = ? order by name")
                .param(accountId).query(Partner.class).list();
    }

    List<Partner> ofCenter(String centerCode) {
        return jdbc.sql("select " + PARTNER_COLUMNS + " from partner_org where center_code = ? order by name")
                .param(centerCode).query(Partner.class).list();
    }

    /** The organisation as its coordinator sees it; anyone else is told it does not exist. */
    Partner coordinated(String code, long accountId) {
        return byCode(code).filter(p -> p.coordinatorAccountId() == accountId)
                .orElseThrow(() -> LinliException.notFound("PARTNER_NOT_FOUND", code));
    }

    /** A volunteer follows the coordinator's invitation link and becomes a member. */
    @Transactional
    Partner join(String inviteToken, long accountId) {
        Partner p = jdbc.sql("select " + PARTNER_COLUMNS + " from partner_org where invite_token = ?")
                .param(inviteToken == null ? "" : inviteToken).query(Partner.class).optional()
                .orElseThrow(() -> LinliException.notFound("INVITATION_NOT_FOUND"));
        Volunteer v = volunteers.byAccount(accountId).orElseThrow(() -> LinliException.conflict("NOT_A_VOLUNTEER"));
        jdbc.sql("update volunteer set org_id = ? where id = ?").params(p.id(), v.id()).update();
        return p;
    }

    /** Members and their confirmed hours, for the coordinator. */
    List<Member> members(long orgId) {
        return jdbc.sql("""
                select v.id, v.number, v.account_id,
                       coalesce(sum(r.net_minutes) filter (where r.status = 'CONFIRMED'), 0) as minutes,
                       count(r.id) filter (where r.status = 'CONFIRMED') as records
                  from volunteer v left join service_record r on r.volunteer_id = v.id
                 where v.org_id = ? group by v.id order by v.number""").param(orgId)
                .query((rs, n) -> new Member(rs.getLong(1), rs.getString(2), (Long) rs.getObject(3), rs.getInt(4),
                        rs.getInt(5))).list();
    }

    @Transactional
    Team saveTeam(String centerCode, String code, String name, String webhookUrl) {
        centers.require(centerCode);
        if (code == null || !code.matches("[a-z][a-z0-9-]{1,39}")) {
            throw LinliException.invalidField("code", "TEAM_CODE_INVALID");
        }
        String n = PlainText.check("name", name, 60);
        if (n == null) {
            throw LinliException.invalidField("name", "TEAM_NAME_REQUIRED");
        }
        String url = webhookUrl == null || webhookUrl.isBlank() ? null : webhookUrl.strip();
        if (url != null && !webhooks.allowed(url)) {
            throw LinliException.invalidField("webhookUrl", "WEBHOOK_URL_INVALID", webhooks.prefix());
        }
        int updated = jdbc.sql("update volunteer_team set name = ?, webhook_url = ? where code = ? and center_code = ?")
                .params(n, url, code, centerCode).update();
        if (updated == 0) {
            try {
                jdbc.sql("insert into volunteer_team (center_code, code, name, webhook_url) values (?, ?, ?, ?)")
                        .params(centerCode, code, n, url).update();
            } catch (DuplicateKeyException taken) {
                throw LinliException.conflict("TEAM_CODE_TAKEN", code);
            }
        }
        return teams(centerCode).stream().filter(t -> t.code().equals(code)).findFirst().orElseThrow();
    }

    List<Team> teams(String centerCode) {
        return jdbc.sql("select id, center_code, code, name, webhook_url from volunteer_team where center_code = ? "
                + "order by name").param(centerCode).query(Team.class).list();
    }

    /** Staff put a volunteer of their center into one of its teams. */
    @Transactional
    void addToTeam(String centerCode, String teamCode, String volunteerNumber) {
        Team team = teams(centerCode).stream().filter(t -> t.code().equals(teamCode)).findFirst()
                .orElseThrow(() -> LinliException.notFound("TEAM_NOT_FOUND", teamCode));
        int n = jdbc.sql("update volunteer set team_id = ? where number = ? and center_code = ?")
                .params(team.id(), volunteerNumber, centerCode).update();
        if (n == 0) {
            throw LinliException.notFound("VOLUNTEER_NOT_FOUND", volunteerNumber);
        }
    }
}
