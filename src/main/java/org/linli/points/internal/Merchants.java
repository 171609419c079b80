package org.linli.points.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.linli.centers.Centers;
import org.linli.identity.AccountDirectory;
import org.linli.platform.LinliException;
import org.linli.platform.PhoneNumber;
import org.linli.platform.PlainText;
import org.linli.platform.Role;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Merchants that accept points, each with an operator account (role MERCHANT), and their offers. */
@Service
class Merchants {

    record Merchant(long id, String code, String centerCode, String name, String kind, String address,
            long operatorAccountId, boolean active) {
    }

    record Offer(long id, long merchantId, String code, String title, int points, Integer stock, Integer monthlyLimit,
            boolean active) {
    }

    record NewMerchant(String code, String name, String kind, String address, String operatorPhone) {
    }

    record OfferInput(String title, Integer points, Integer stock, Integer monthlyLimit, Boolean active) {
    }

    private static final String MERCHANT = "id, code, center_code, name, kind, address, operator_account_id, active";
    private static final String OFFER = "id, merchant_id, code, title, points, stock, monthly_limit, active";

    private final JdbcClient jdbc;
    private final Centers centers;
    private final AccountDirectory accounts;
    private final Ledger ledger;
    private static final String CODE = "[a-z][a-z0-9-]{1,39}";

    Merchants(JdbcClient jdbc, Centers centers, AccountDirectory accounts, Ledger ledger) {
        this.jdbc = jdbc;
        this.centers = centers;
        this.accounts = accounts;
        this.ledger = ledger;
    }

    /** Every wrong field of a new merchant, in the form's order (empty when it can be registered). */
    Map<String, String> problems(NewMerchant in) {
        Map<String, String> wrong = new LinkedHashMap<>();
        String code = in.code() == null ? "" : in.code().strip();
        if (!code.matches(CODE)) {
            wrong.put("code", "MERCHANT_CODE_INVALID");
        } else if (byCode(code).isPresent()) {
            wrong.put("code", "MERCHANT_EXISTS");
        }
        try {
            if (PlainText.check("name", in.name(), 100) == null) {
                wrong.put("name", "MERCHANT_NAME_REQUIRED");
            }
            PlainText.check("kind", in.kind(), 40);
            PlainText.check("address", in.address(), 200);
        } catch (LinliException invalid) {
            wrong.putIfAbsent(invalid.field(), invalid.code());
        }
        if (PhoneNumber.parseOrNull(in.operatorPhone()) == null) {
            wrong.put("operatorPhone", "PHONE_INVALID");
        }
        return wrong;
    }

    @Transactional
    Merchant register(String centerCode, NewMerchant in) {
        PhoneNumber phone = PhoneNumber.parseOrNull(in.operatorPhone());
        if (phone == null) {
            throw LinliException.invalidField("operatorPhone", "PHONE_INVALID");
        }
        centers.require(centerCode);
        String name = PlainText.check("name", in.name(), 100);
        return register(centerCode, in, accounts.ensureResident(phone, (name == null ? "" : name) + " 店员"));
    }

    /** Registers a merchant whose operator already has an account (the demo's operators sign in by password). */
    @Transactional
    Merchant register(String centerCode, NewMerchant in, long operator) {
        centers.require(centerCode);
        String code = in.code() == null ? "" : in.code().strip();
        if (!code.matches(CODE)) {
            throw LinliException.invalidField("code", "MERCHANT_CODE_INVALID");
        }
        String name = PlainText.check("name", in.name(), 100);
        if (name == null) {
            throw LinliException.invalidField("name", "MERCHANT_NAME_REQUIRED");
        }
        try {
            long id = jdbc.sql("""
                    insert into merchant (code, center_code, name, kind, address, operator_account_id)
                    values (?, ?, ?, ?, ?, ?) returning id""")
                    .params(code, centerCode, name, PlainText.check("kind", in.kind(), 40),
                            PlainText.check("address", in.address(), 200), operator)
                    .query(Long.class).single();
            accounts.grant(operator, Role.MERCHANT, centerCode, code);
            ledger.account(Ledger.Kind.MERCHANT, id, null);
            return byId(id).orElseThrow();
        } catch (DuplicateKeyException taken) {
            throw LinliException.conflict("MERCHANT_EXISTS", code);
        }
    }

    Optional<Merchant> byCode(String code) {
        return jdbc.sql("select " + MERCHANT + " from merchant where code = ?").param(code).query(Merchant.class)
                .optional();
    }

    Optional<Merchant> byId(long id) {
        return jdbc.sql("select " + MERCHANT + " from merchant where id = ?").param(id).query(Merchant.class)
                .optional();
    }

    Merchant require(String code) {
        return byCode(code).filter(Merchant::active)
                .orElseThrow(() -> LinliException.notFound("MERCHANT_NOT_FOUND", code));
    }

    /** The merchant the caller operates; anyone else is told it does not exist. */
    Merchant operated(String code, long accountId) {
        return byCode(code).filter(m -> m.operatorAccountId() == accountId)
                .orElseThrow(() -> LinliException.notFound("MERCHANT_NOT_FOUND", code));
    }

    List<Merchant> ofCenter(String centerCode) {
        return jdbc.sql("select " + MERCHANT + " from merchant where center_code = ? order by name")
                .param(centerCode).query(Merchant.class).list();
    }

    List<Merchant> all() {
        return jdbc.sql("select " + MERCHANT + " from merchant where active order by center_code, name")
                .query(Merchant.class).list();
    }

    List<Offer> offers(long merchantId, boolean activeOnly) {
        return jdbc.sql("select " + OFFER + " from merchant_offer where merchant_id = ? and (not ? or active) "
                + "order by points, code").params(merchantId, activeOnly).query(Offer.class).list();
    }

    Optional<Offer> offer(long merchantId, String code) {
        return jdbc.sql("select " + OFFER + " from merchant_offer where merchant_id = ? and code = ?")
                .params(merchantId, code == null ? "" : code).query(Offer.class).optional();
    }

    @Transactional
    Offer saveOffer(Merchant m, String code, OfferInput in) {
        if (code == null || !code.matches("[a-z0-9][a-z0-9-]{0,39}")) {
            throw LinliException.invalidField("code", "OFFER_CODE_INVALID");
        }
        String title = PlainText.check("title", in.title(), 100);
        if (title == null) {
            throw LinliException.invalidField("title", "OFFER_TITLE_REQUIRED");
        }
        if (in.points() == null || in.points() < 1 || in.points() > 100_000) {
            throw LinliException.invalidField("points", "POINTS_AMOUNT_INVALID", 1, 100_000);
        }
        if (in.stock() != null && in.stock() < 0) {
            throw LinliException.invalidField("stock", "OFFER_STOCK_INVALID");
        }
        if (in.monthlyLimit() != null && in.monthlyLimit() < 1) {
            throw LinliException.invalidField("monthlyLimit", "OFFER_LIMIT_INVALID");
        }
        jdbc.sql("""
                insert into merchant_offer (merchant_id, code, title, points, stock, monthly_limit, active)
                values (?, ?, ?, ?, ?, ?, ?)
                on conflict (merchant_id, code) do update set title = excluded.title, points = excluded.points,
                       stock = excluded.stock, monthly_limit = excluded.monthly_limit, active = excluded.active""")
                .params(m.id(), code, title, in.points(), in.stock(), in.monthlyLimit(), !Boolean.FALSE.equals(in.active()))
                .update();
        return offer(m.id(), code).orElseThrow();
    }
}
