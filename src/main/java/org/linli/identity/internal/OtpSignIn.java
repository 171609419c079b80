package org.linli.identity.internal;

import java.util.Locale;
import org.linli.audit.AuditEvent;
import org.linli.audit.AuditLog;
import org.linli.centers.Centers;
import org.linli.platform.SmsGateway;
import org.linli.platform.LinliException;
import org.linli.platform.PhoneNumber;
import org.linli.platform.Role;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sign-in with a mobile number and a 6-digit code. Every limit is counted in PostgreSQL under an
 * advisory lock per phone and per client address, so all instances share them. Refusals are decided
 * inside the transaction and thrown after it commits, so a wrong try is always counted.
 */
@Service
public class OtpSignIn {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final IdentityProperties properties;
    private final SmsGateway sms;
    private final MessageSource messages;
    private final AccountRepository accounts;
    private final Centers centers;
    private final AuditLog audit;

    OtpSignIn(JdbcClient jdbc, TransactionTemplate transactions, IdentityProperties properties, SmsGateway sms,
            MessageSource messages, AccountRepository accounts, Centers centers, AuditLog audit) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.properties = properties;
        this.sms = sms;
        this.messages = messages;
        this.accounts = accounts;
        this.centers = centers;
        this.audit = audit;
    }

    /** Sends a code, or refuses with 429 and the seconds to wait. */
    public void requestCode(PhoneNumber phone, String clientIp, Locale locale) {
        LinliException refusal = transactions.execute(status -> {
            lock("otp-ip:" + clientIp);
            lock("otp-phone:" + phone.value());
            Long wait = secondsToWait(phone, clientIp);
            if (wait != null) {
                return new LinliException(HttpStatus.TOO_MANY_REQUESTS, "OTP_RATE_LIMITED", wait).retryAfter(wait);
            }
            String code = Hashing.sixDigits();
            jdbc.sql("update otp_code set voided_at = now() where phone = ? and used_at is null and voided_at is null")
                    .param(phone.value()).update();
            jdbc.sql("""
                    insert into otp_code (phone, code_hash, client_ip, expires_at)
                    values (?, ?, ?, now() + make_interval(secs => ?))
                    """).params(phone.value(), Hashing.sha256(phone.value() + ":" + code), clientIp,
                    properties.otpValidity().toSeconds()).update();
            sms.send(phone, messages.getMessage("sms.signInCode",
                    new Object[] {code, properties.otpValidity().toMinutes()}, locale));
            return null;
        });
        if (refusal != null) {
            throw refusal;
        }
    }

    private Long secondsToWait(PhoneNumber phone, String clientIp) {
        Long sinceLast = jdbc.sql("""
                select extract(epoch from now() - max(created_at))::bigint from otp_code where phone = ?
                """).param(phone.value()).query(Long.class).optional().orElse(null);
        long interval = properties.otpInterval().toSeconds();
        if (sinceLast != null && sinceLast < interval) {
            return interval - sinceLast;
        }
        Long phoneWait = hourlyWait("phone", phone.value(), properties.otpPerPhonePerHour());
        if (phoneWait != null) {
            return phoneWait;
        }
        return hourlyWait("client_ip", clientIp, properties.otpPerClientPerHour());
    }

    /** Seconds until the oldest code of the last hour leaves the window, when the hour is full. */
    private Long hourlyWait(String column, String value, int limit) {
        return jdbc.sql("""
                select case when count(*) >= :limit
                            then ceil(extract(epoch from min(created_at) + interval '1 hour' - now()))::bigint end
                  from otp_code where %s = :value and created_at > now() - interval '1 hour'
                """.formatted(column)).param("limit", limit).param("value", value).query(Long.class)
                .optional().orElse(null);
    }

    /** Checks the code; on success returns the account, creating a resident account for a new number. */
    public long verify(PhoneNumber phone, String code, String clientIp) {
        Object outcome = transactions.execute(status -> {
            lock("otp-phone:" + phone.value());
            var latest = jdbc.sql("""
                    select id, code_hash, attempts, voided_at is not null as voided, expires_at <= now() as expired,
                           greatest(1, ceil(extract(epoch from created_at + make_interval(secs => :interval) - now())))::bigint as wait_seconds
                      from otp_code where phone = :phone and used_at is null order by id desc limit 1
                    """).param("interval", properties.otpInterval().toSeconds()).param("phone", phone.value())
                    .query((rs, row) -> new Latest(rs.getLong("id"), rs.getString("code_hash"), rs.getInt("attempts"),
                            rs.getBoolean("voided"), rs.getBoolean("expired"), rs.getLong("wait_seconds")))
                    .optional().orElse(null);
            if (latest == null) {
                return failed(phone, clientIp, LinliException.unauthorized("OTP_INVALID"));
            }
            if (latest.voided()) {
                return failed(phone, clientIp,
                        new LinliException(HttpStatus.TOO_MANY_REQUESTS, "OTP_TOO_MANY_TRIES").retryAfter(latest.waitSeconds()));
            }
            if (latest.expired()) {
                return failed(phone, clientIp, LinliException.unauthorized("OTP_EXPIRED"));
            }
            if (code == null || !Hashing.sameHash(latest.codeHash(), Hashing.sha256(phone.value() + ":" + code))) {
                int attempts = latest.attempts() + 1;
                jdbc.sql("update otp_code set attempts = ?, voided_at = case when ? then now() end where id = ?")
                        .params(attempts, attempts >= properties.otpMaxAttempts(), latest.id()).update();
                return failed(phone, clientIp, LinliException.unauthorized("OTP_INVALID"));
            }
            jdbc.sql("update otp_code set used_at = now() where id = ?").param(latest.id()).update();
            long accountId = accounts.findByPhone(phone.value()).map(Account::id).orElseGet(() -> newResident(phone));
            audit.record(new AuditEvent(accountId, phone.masked(), "SIGN_IN", null, null, clientIp, "otp"));
            return accountId;
        });
        if (outcome instanceof LinliException refusal) {
            throw refusal;
        }
        return (Long) outcome;
    }

    private long newResident(PhoneNumber phone) {
        long id = accounts.createResident(phone.value(), "居民" + phone.value().substring(7));
        String district = centers.district().orElseThrow(() -> new IllegalStateException("No district yet"))
                .code().value();
        accounts.grant(id, Role.RESIDENT, district, null, null);
        return id;
    }

    private LinliException failed(PhoneNumber phone, String clientIp, LinliException refusal) {
        audit.record(new AuditEvent(null, phone.masked(), "SIGN_IN_FAILED", null, null, clientIp, refusal.code()));
        return refusal;
    }

    private void lock(String key) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext(?))").param(key).query().singleRow();
    }

    private record Latest(long id, String codeHash, int attempts, boolean voided, boolean expired, long waitSeconds) {
    }
}
