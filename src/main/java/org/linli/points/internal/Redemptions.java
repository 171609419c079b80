package org.linli.points.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.linli.platform.LinliException;
import org.linli.platform.RequestTimes;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Redeeming points at a merchant's counter, in one transaction: the token is taken (once), the offer's
 * stock and the volunteer's monthly limit are checked under the offer's lock, the points move from
 * the volunteer to the merchant, and the answer is stored under the merchant's Idempotency-Key. A retry
 * with the same key and body gets the stored answer and spends nothing; the same key with another body
 * is refused. Two requests with one key at once: the second waits on the key's unique index, then
 * rolls back and replays the first's answer.
 */
@Service
class Redemptions {

    record Answer(int status, Map<String, Object> body) {
    }

    record Redemption(long id, long merchantId, long offerId, long accountId, int points, long transactionId,
            OffsetDateTime createdAt, OffsetDateTime reversedAt) {

        public boolean reversed() {
            return reversedAt != null;
        }
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Ledger ledger;
    private final Merchants merchants;
    private final PointsTokens tokens;
    private final JsonMapper json;
    private final org.springframework.context.ApplicationEventPublisher events;

    Redemptions(JdbcClient jdbc, TransactionTemplate transactions, Ledger ledger, Merchants merchants,
            PointsTokens tokens, JsonMapper json, org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.ledger = ledger;
        this.merchants = merchants;
        this.tokens = tokens;
        this.json = json;
    }

    static String hash(String token, String offerCode) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((String.valueOf(token).strip() + "\n"
                    + String.valueOf(offerCode).strip()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    Answer redeem(String merchantCode, long operatorAccountId, String idempotencyKey, String token, String offerCode) {
        Merchants.Merchant m = merchants.operated(merchantCode, operatorAccountId);
        if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.strip().length() > 64) {
            throw LinliException.invalidField("Idempotency-Key", "IDEMPOTENCY_KEY_REQUIRED");
        }
        String key = idempotencyKey.strip();
        String requestHash = hash(token, offerCode);
        Optional<Answer> earlier = replay(m.id(), key, requestHash);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        try {
            return transactions.execute(tx -> spend(m, key, requestHash, token, offerCode));
        } catch (DuplicateKeyException sameKeyAtOnce) {
            return replay(m.id(), key, requestHash).orElseThrow(() -> sameKeyAtOnce);
        }
    }

    private Optional<Answer> replay(long merchantId, String key, String requestHash) {
        return jdbc.sql("select request_hash, response::text from redemption where merchant_id = ? and idempotency_key = ?")
                .params(merchantId, key).query((rs, n) -> {
                    if (!rs.getString(1).equals(requestHash)) {
                        throw LinliException.conflict("IDEMPOTENCY_KEY_REUSED");
                    }
                    @SuppressWarnings("unchecked")
                    Map<String, Object> body = json.readValue(rs.getString(2), Map.class);
                    return new Answer(201, body);
                }).optional();
    }

    private Answer spend(Merchants.Merchant m, String key, String requestHash, String token, String offerCode) {
        // one key at a time: a second request with this key waits here, then finds the first's answer
        jdbc.sql("select pg_advisory_xact_lock(hashtext(?))").param("redemption:" + m.id() + ":" + key)
                .query((rs, n) -> 1).list();
        Optional<Answer> earlier = replay(m.id(), key, requestHash);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        Merchants.Offer offer = jdbc.sql("""
                select id, merchant_id, code, title, points, stock, monthly_limit, active from merchant_offer
                 where merchant_id = ? and code = ? and active for update""")
                .params(m.id(), offerCode == null ? "" : offerCode).query(Merchants.Offer.class).optional()
                .orElseThrow(() -> LinliException.notFound("OFFER_NOT_FOUND", offerCode));
        Long volunteer = tokens.take(token);
        if (volunteer == null) {
            throw LinliException.conflict("POINTS_TOKEN_INVALID");
        }
        if (offer.stock() != null && offer.stock() < 1) {
            throw LinliException.conflict("OFFER_OUT_OF_STOCK", offer.title());
        }
        if (offer.monthlyLimit() != null) {
            LocalDate first = LocalDate.now(RequestTimes.ZONE).withDayOfMonth(1);
            int used = jdbc.sql("""
                    select count(*) from redemption where offer_id = ? and account_id = ? and reversed_at is null
                       and created_at >= ?""")
                    .params(offer.id(), volunteer, first.atStartOfDay(RequestTimes.ZONE).toOffsetDateTime())
                    .query(Integer.class).single();
            if (used >= offer.monthlyLimit()) {
                throw LinliException.conflict("OFFER_MONTHLY_LIMIT", offer.title(), offer.monthlyLimit());
            }
        }
        long from = ledger.volunteerAccount(volunteer)
                .orElseThrow(() -> LinliException.conflict("POINTS_INSUFFICIENT", 0, offer.points()));
        long to = ledger.account(Ledger.Kind.MERCHANT, m.id(), null);
        long transaction = ledger.post("REDEEM", "redemption:" + m.id() + ":" + key, m.name() + "：" + offer.title(),
                null, List.of(new Ledger.Leg(from, -offer.points()), new Ledger.Leg(to, offer.points())))
                .orElseThrow(() -> new DuplicateKeyException("redemption " + key));
        if (offer.stock() != null) {
            jdbc.sql("update merchant_offer set stock = stock - 1 where id = ?").param(offer.id()).update();
        }
        long balanceAfter = ledger.balance(from);
        long id = jdbc.sql("select nextval(pg_get_serial_sequence('redemption', 'id'))").query(Long.class).single();
        // one moment for the row and its event, so the dashboard's live count and a rebuild agree
        java.time.OffsetDateTime at = java.time.OffsetDateTime.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("redemptionId", id);
        body.put("points", offer.points());
        body.put("balanceAfter", balanceAfter);
        body.put("offerCode", offer.code());
        body.put("offerTitle", offer.title());
        String stored = json.writeValueAsString(body);
        jdbc.sql("""
                insert into redemption (id, merchant_id, offer_id, account_id, points, transaction_id, idempotency_key,
                       request_hash, response, created_at) overriding system value
                values (?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?)""")
                .params(id, m.id(), offer.id(), volunteer, offer.points(), transaction, key, requestHash, stored,
                        at).update();
        events.publishEvent(new org.linli.points.PointsRedeemed(id, m.centerCode(), m.code(), offer.points(), at));
        // the first answer is the stored one, read back as a retry will read it
        @SuppressWarnings("unchecked")
        Map<String, Object> answer = json.readValue(stored, Map.class);
        return new Answer(201, answer);
    }

    Optional<Redemption> find(long id) {
        return jdbc.sql("""
                select id, merchant_id, offer_id, account_id, points, transaction_id, created_at, reversed_at
                  from redemption where id = ?""").param(id).query(Redemption.class).optional();
    }

    /**
     * Reverses a redemption with a new transaction (points back to the volunteer, stock back to the
     * offer). The merchant may do it on the same day; later only the center admin.
     */
    void reverse(long redemptionId, long merchantId, boolean byCenterAdmin, long actor) {
        transactions.executeWithoutResult(tx -> {
            Redemption r = jdbc.sql("""
                    select id, merchant_id, offer_id, account_id, points, transaction_id, created_at, reversed_at
                      from redemption where id = ? and merchant_id = ? for update""")
                    .params(redemptionId, merchantId).query(Redemption.class).optional()
                    .orElseThrow(() -> LinliException.notFound("REDEMPTION_NOT_FOUND", redemptionId));
            if (r.reversed()) {
                throw LinliException.conflict("REDEMPTION_REVERSED");
            }
            // the offer first, as a redemption does, so a reversal and a redemption never deadlock
            jdbc.sql("select id from merchant_offer where id = ? for update").param(r.offerId()).query(Long.class)
                    .single();
            LocalDate day = r.createdAt().atZoneSameInstant(RequestTimes.ZONE).toLocalDate();
            if (!byCenterAdmin && !day.equals(LocalDate.now(RequestTimes.ZONE))) {
                throw LinliException.forbidden("REVERSAL_SAME_DAY_ONLY");
            }
            long volunteer = ledger.volunteerAccount(r.accountId()).orElseThrow();
            long merchant = ledger.account(Ledger.Kind.MERCHANT, merchantId, null);
            long transaction = ledger.post("REVERSE", "reversal:" + r.id(), "撤销兑换 " + r.id(), actor,
                    List.of(new Ledger.Leg(merchant, -r.points()), new Ledger.Leg(volunteer, r.points())))
                    .orElseThrow();
            jdbc.sql("update redemption set reversed_at = now(), reversal_id = ? where id = ?")
                    .params(transaction, r.id()).update();
            jdbc.sql("update merchant_offer set stock = stock + 1 where id = ? and stock is not null")
                    .param(r.offerId()).update();
        });
    }

    record StatementLine(long id, OffsetDateTime createdAt, String offerTitle, int points, OffsetDateTime reversedAt) {
    }

    /** A merchant's redemptions (and their reversals) in a month. */
    List<StatementLine> statement(long merchantId, LocalDate month) {
        LocalDate first = month.withDayOfMonth(1);
        return jdbc.sql("""
                select r.id, r.created_at, o.title as offer_title, r.points, r.reversed_at
                  from redemption r join merchant_offer o on o.id = r.offer_id
                 where r.merchant_id = ? and r.created_at >= ? and r.created_at < ? order by r.id""")
                .params(merchantId, first.atStartOfDay(RequestTimes.ZONE).toOffsetDateTime(),
                        first.plusMonths(1).atStartOfDay(RequestTimes.ZONE).toOffsetDateTime())
                .query(StatementLine.class).list();
    }
}
