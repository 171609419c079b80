package org.linli.applications.internal;

import java.time.OffsetDateTime;
import java.util.List;
import org.linli.audit.AuditEvent;
import org.linli.audit.AuditLog;
import org.linli.identity.Caller;
import org.linli.platform.LinliException;
import org.linli.platform.PlainText;
import org.linli.platform.SensitiveData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Materials of an application: the applicant uploads while the application awaits them (submitted, or
 * a supplement was asked for), staff at any time before it closes; only they can download; files are
 * deleted a configurable time after the application closed.
 */
@Service
class Materials {

    private static final Logger log = LoggerFactory.getLogger(Materials.class);

    private final ApplicationService applications;
    private final MaterialStore store;
    private final JdbcClient jdbc;
    private final SensitiveData crypto;
    private final ApplicationProperties properties;
    private final AuditLog audit;
    private Materials self = this;

    /** Calls through the Spring proxy, so the scheduled sweep runs in a transaction. */
    @org.springframework.beans.factory.annotation.Autowired
    void setSelf(@org.springframework.context.annotation.Lazy Materials self) {
        this.self = self;
    }

    Materials(ApplicationService applications, MaterialStore store, JdbcClient jdbc, SensitiveData crypto,
            ApplicationProperties properties, AuditLog audit) {
        this.audit = audit;
        this.applications = applications;
        this.store = store;
        this.jdbc = jdbc;
        this.crypto = crypto;
        this.properties = properties;
    }

    record Material(long id, String name, String fileName, String contentType, long size, OffsetDateTime uploadedAt,
            boolean deleted) {
    }

    @Transactional
    Material add(Caller caller, long applicationId, String name, String fileName, byte[] content) {
        Application a = applications.visible(caller, applicationId);
        ApplicationService.Viewer viewer = applications.viewer(caller, a);
        boolean open = viewer == ApplicationService.Viewer.STAFF ? !a.status().closed()
                : a.status() == Status.SUBMITTED || a.status() == Status.SUPPLEMENT_REQUESTED;
        if (!open) {
            throw LinliException.conflict("MATERIALS_CLOSED", a.number(), a.status().name());
        }
        String label = PlainText.check("name", name, 100);
        if (label == null) {
            throw LinliException.invalidField("name", "MATERIAL_NAME_INVALID", 100);
        }
        String original = fileName == null || fileName.isBlank() ? "upload" : fileName.strip();
        if (original.length() > 200) {
            original = original.substring(original.length() - 200);
        }
        String hash = store.store(content);
        long id = jdbc.sql("""
                insert into application_material (application_id, file_hash, name, file_name_sealed, uploaded_by)
                values (:app, :hash, :name, :file, :by) returning id
                """).param("app", applicationId).param("hash", hash).param("name", label)
                .param("file", crypto.seal(original)).param("by", caller.accountId()).query(Long.class).single();
        return list(applicationId).stream().filter(m -> m.id() == id).findFirst().orElseThrow();
    }

    List<Material> list(long applicationId) {
        return jdbc.sql("""
                select m.id, m.name, m.file_name_sealed, f.content_type, coalesce(f.size, 0) as size, m.uploaded_at,
                       m.deleted_at is not null as deleted
                  from application_material m left join stored_file f on f.hash = m.file_hash
                 where m.application_id = :app order by m.id
                """).param("app", applicationId)
                .query((rs, row) -> new Material(rs.getLong("id"), rs.getString("name"),
                        crypto.open(rs.getString("file_name_sealed")), rs.getString("content_type"), rs.getLong("size"),
                        rs.getObject("uploaded_at", OffsetDateTime.class), rs.getBoolean("deleted")))
                .list();
    }

    record Download(byte[] content, String contentType, String fileName) {
    }

    Download download(Caller caller, long applicationId, long materialId) {
        Application a = applications.visible(caller, applicationId);
        if (applications.viewer(caller, a) == ApplicationService.Viewer.STAFF) {
            audit.record(new AuditEvent(caller.accountId(), null, "APPLICATION_MATERIAL_DOWNLOADED",
                    a.number() + "#" + materialId, a.centerCode(), null, null));
        }
        record Row(String fileHash, String fileNameSealed, String contentType) {
        }
        Row row = jdbc.sql("""
                select m.file_hash, m.file_name_sealed, f.content_type
                  from application_material m join stored_file f on f.hash = m.file_hash
                 where m.id = :id and m.application_id = :app and m.deleted_at is null
                """).param("id", materialId).param("app", applicationId).query(Row.class).optional()
                .orElseThrow(() -> LinliException.notFound("MATERIAL_NOT_FOUND", materialId));
        return new Download(store.read(row.fileHash()), row.contentType(), crypto.open(row.fileNameSealed()));
    }

    /** Deletes the materials of applications closed before {@code cutoff}; returns how many. */
    @Transactional
    int purge(OffsetDateTime cutoff) {
        List<String> hashes = jdbc.sql("""
                update application_material m set deleted_at = now()
                  from application a
                 where a.id = m.application_id and m.deleted_at is null and a.closed_at < :cutoff
                returning m.file_hash
                """).param("cutoff", cutoff).query(String.class).list();
        hashes.stream().distinct().forEach(store::deleteIfUnused);
        return hashes.size();
    }

    @Scheduled(fixedDelayString = "${linli.applications.purge-interval:1h}", initialDelayString = "30s")
    void purgeExpired() {
        int purged = self.purge(OffsetDateTime.now().minus(properties.retention()));
        if (purged > 0) {
            log.info("Deleted {} materials of applications closed more than {} ago", purged, properties.retention());
        }
    }
}
