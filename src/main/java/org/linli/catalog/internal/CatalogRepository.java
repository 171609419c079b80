package org.linli.catalog.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.linli.catalog.ItemKind;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

@Repository
class CatalogRepository {

    private static final String ITEM_COLUMNS =
            "code, owner_center, name, category, default_kind, referral, guide::text as guide, published, version";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final RowMapper<CatalogItem> itemMapper = this::item;

    CatalogRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    List<CatalogItem> items() {
        return jdbc.sql("select " + ITEM_COLUMNS + " from catalog_item order by code").query(itemMapper).list();
    }

    Optional<CatalogItem> item(String code) {
        return jdbc.sql("select " + ITEM_COLUMNS + " from catalog_item where code = :code")
                .param("code", code).query(itemMapper).optional();
    }

    /** Locks the item's row for an edit (or returns empty). */
    Optional<CatalogItem> itemForUpdate(String code) {
        return jdbc.sql("select " + ITEM_COLUMNS + " from catalog_item where code = :code for update")
                .param("code", code).query(itemMapper).optional();
    }

    void insert(CatalogItem item, Long actor) {
        try {
            insertRow(item, actor);
        } catch (org.springframework.dao.DuplicateKeyException taken) {
            throw org.linli.platform.LinliException.conflict("ITEM_CODE_TAKEN", item.code());
        }
        bump();
    }

    private void insertRow(CatalogItem item, Long actor) {
        jdbc.sql("""
                insert into catalog_item (code, owner_center, name, category, default_kind, referral, guide, published,
                                          updated_by)
                values (:code, :owner, :name, :category, :kind, :referral, cast(:guide as jsonb), :published, :actor)
                """)
                .param("code", item.code()).param("owner", item.ownerCenter()).param("name", item.name())
                .param("category", item.category()).param("kind", item.defaultKind().name())
                .param("referral", item.referral()).param("guide", json.writeValueAsString(item.guide()))
                .param("published", item.published()).param("actor", actor).update();
    }

    void update(CatalogItem item, Long actor) {
        jdbc.sql("""
                update catalog_item set name = :name, category = :category, default_kind = :kind, referral = :referral,
                       guide = cast(:guide as jsonb), published = :published, version = version + 1,
                       updated_at = now(), updated_by = :actor
                 where code = :code
                """)
                .param("code", item.code()).param("name", item.name()).param("category", item.category())
                .param("kind", item.defaultKind().name()).param("referral", item.referral())
                .param("guide", json.writeValueAsString(item.guide())).param("published", item.published())
                .param("actor", actor).update();
        bump();
    }

    List<Adoption> adoptions(String centerCode) {
        return jdbc.sql("select * from catalog_adoption where center_code = :center order by item_code")
                .param("center", centerCode).query(CatalogRepository::adoption).list();
    }

    List<Adoption> adoptionsOf(String itemCode) {
        return jdbc.sql("select * from catalog_adoption where item_code = :item order by center_code")
                .param("item", itemCode).query(CatalogRepository::adoption).list();
    }

    List<Adoption> allAdoptions() {
        return jdbc.sql("select * from catalog_adoption").query(CatalogRepository::adoption).list();
    }

    Optional<Adoption> adoption(String centerCode, String itemCode) {
        return jdbc.sql("select * from catalog_adoption where center_code = :center and item_code = :item")
                .param("center", centerCode).param("item", itemCode).query(CatalogRepository::adoption).optional();
    }

    void save(Adoption a) {
        jdbc.sql("""
                insert into catalog_adoption (center_code, item_code, kind, published, window_name, phone, hours,
                                              staff_contact)
                values (:center, :item, :kind, :published, :window, :phone, :hours, :contact)
                on conflict (center_code, item_code) do update
                   set kind = excluded.kind, published = excluded.published, window_name = excluded.window_name,
                       phone = excluded.phone, hours = excluded.hours, staff_contact = excluded.staff_contact,
                       updated_at = now()
                """)
                .param("center", a.centerCode()).param("item", a.itemCode()).param("kind", a.kind().name())
                .param("published", a.published()).param("window", a.windowName()).param("phone", a.phone())
                .param("hours", a.hours()).param("contact", a.staffContact()).update();
        bump();
    }

    void delete(String centerCode, String itemCode) {
        jdbc.sql("delete from catalog_adoption where center_code = :center and item_code = :item")
                .param("center", centerCode).param("item", itemCode).update();
        bump();
    }

    record SynonymRow(long id, String colloquial, String official, boolean shipped) {
    }

    List<SynonymRow> synonyms() {
        return jdbc.sql("""
                select id, colloquial, official, shipped from catalog_synonym where deleted_at is null
                 order by colloquial, official""").query(SynonymRow.class).list();
    }

    /** Adds a synonym unless it exists; true when added. */
    boolean addSynonym(String colloquial, String official, boolean shipped, Long actor) {
        int added = jdbc.sql("""
                insert into catalog_synonym (colloquial, official, shipped, created_by)
                values (:colloquial, :official, :shipped, :actor)
                on conflict (colloquial, official) do update set deleted_at = null, created_by = excluded.created_by
                 where catalog_synonym.deleted_at is not null and not excluded.shipped
                """)
                .param("colloquial", colloquial).param("official", official).param("shipped", shipped)
                .param("actor", actor).update();
        if (added > 0) {
            bump();
        }
        return added > 0;
    }

    Optional<SynonymRow> synonym(long id) {
        return jdbc.sql("select id, colloquial, official, shipped from catalog_synonym where id = :id and deleted_at is null")
                .param("id", id).query(SynonymRow.class).optional();
    }

    void deleteSynonym(long id) {
        // kept as a tombstone, so a shipped word staff deleted does not come back with the next release
        jdbc.sql("update catalog_synonym set deleted_at = now() where id = :id").param("id", id).update();
        bump();
    }

    /** A fresh code for a center's local item: L-0001, L-0002, … */
    String nextLocalCode() {
        return String.format("L-%04d", jdbc.sql("select nextval('catalog_local_item_seq')").query(Long.class).single());
    }

    long revision() {
        return jdbc.sql("select revision from catalog_revision where id = 1").query(Long.class).single();
    }

    private void bump() {
        jdbc.sql("update catalog_revision set revision = revision + 1 where id = 1").update();
    }

    private CatalogItem item(ResultSet rs, int row) throws SQLException {
        return new CatalogItem(rs.getString("code"), rs.getString("owner_center"), rs.getString("name"),
                rs.getString("category"), ItemKind.valueOf(rs.getString("default_kind")), rs.getBoolean("referral"),
                json.readValue(rs.getString("guide"), Guide.class), rs.getBoolean("published"), rs.getInt("version"));
    }

    private static Adoption adoption(ResultSet rs, int row) throws SQLException {
        return new Adoption(rs.getString("center_code"), rs.getString("item_code"),
                ItemKind.valueOf(rs.getString("kind")), rs.getBoolean("published"), rs.getString("window_name"),
                rs.getString("phone"), rs.getString("hours"), rs.getString("staff_contact"));
    }
}
