package org.linli.applications.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.linli.platform.LinliException;
import org.linli.platform.SensitiveData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Uploaded materials on disk: content-addressed by a keyed hash of the content (the same file twice is
 * stored once, and the name does not reveal the plain hash), encrypted with the sensitive-data keys,
 * written to a temporary file and moved into place so a crash never leaves half a file. The type is
 * decided by the content (JPEG, PNG or PDF signatures), never by the name.
 */
@Component
class MaterialStore {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(MaterialStore.class);

    enum Type {
        JPEG("image/jpeg"), PNG("image/png"), PDF("application/pdf");

        final String contentType;

        Type(String contentType) {
            this.contentType = contentType;
        }
    }

    private final ApplicationProperties properties;
    private final SensitiveData crypto;
    private final JdbcClient jdbc;

    MaterialStore(ApplicationProperties properties, SensitiveData crypto, JdbcClient jdbc) {
        this.properties = properties;
        this.crypto = crypto;
        this.jdbc = jdbc;
    }

    static Type sniff(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
            return Type.JPEG;
        }
        if (b.length >= 8 && (b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G' && b[4] == 0x0D
                && b[5] == 0x0A && b[6] == 0x1A && b[7] == 0x0A) {
            return Type.PNG;
        }
        if (b.length >= 5 && b[0] == '%' && b[1] == 'P' && b[2] == 'D' && b[3] == 'F' && b[4] == '-') {
            return Type.PDF;
        }
        return null;
    }

    /** Checks and stores a file (once per content); returns its hash. Runs inside the caller's transaction. */
    String store(byte[] content) {
        if (content.length == 0) {
            throw LinliException.invalidField("file", "FILE_EMPTY");
        }
        if (content.length > properties.maxFileSize().toBytes()) {
            throw new LinliException(org.springframework.http.HttpStatus.PAYLOAD_TOO_LARGE, "FILE_TOO_LARGE",
                    properties.maxFileSize().toMegabytes());
        }
        Type type = sniff(content);
        if (type == null) {
            throw LinliException.invalidField("file", "FILE_TYPE_NOT_ALLOWED");
        }
        String hash = crypto.lookupHash(content);
        Path target = path(hash);
        Path temp = null;
        try {
            if (!Files.exists(target)) {
                Files.createDirectories(target.getParent());
                temp = Files.createTempFile(target.getParent(), hash, ".part");
                Files.write(temp, crypto.sealBytes(content));
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                afterRollback(() -> deleteIfNoRow(hash));
            }
        } catch (IOException full) {
            // a full or read-only disk: no half-written file stays, nothing is recorded, the uploader is told
            log.warn("Storing a material failed: {}", full.toString());
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // the disk refuses even that; the .part name keeps it apart from stored files
                }
            }
            throw new LinliException(org.springframework.http.HttpStatus.SERVICE_UNAVAILABLE, "STORAGE_UNAVAILABLE");
        }
        jdbc.sql("""
                insert into stored_file (hash, size, content_type) values (:hash, :size, :type)
                on conflict (hash) do nothing
                """).param("hash", hash).param("size", content.length).param("type", type.contentType).update();
        return hash;
    }

    byte[] read(String hash) {
        try {
            return crypto.openBytes(Files.readAllBytes(path(hash)));
        } catch (IOException e) {
            throw LinliException.notFound("MATERIAL_NOT_FOUND", hash.substring(0, 8));
        }
    }

    /** Deletes a file nothing refers to any more (row and disk). */
    void deleteIfUnused(String hash) {
        int removed = jdbc.sql("""
                delete from stored_file f where f.hash = :hash
                   and not exists (select 1 from application_material m where m.file_hash = f.hash and m.deleted_at is null)
                """).param("hash", hash).update();
        if (removed > 0) {
            afterCommit(() -> deleteIfNoRow(hash));
        }
    }

    /** Removes the file unless a row (committed by now) still refers to it. */
    private void deleteIfNoRow(String hash) {
        boolean kept = jdbc.sql("select count(*) from stored_file where hash = :hash").param("hash", hash)
                .query(Integer.class).single() > 0;
        if (!kept) {
            try {
                Files.deleteIfExists(path(hash));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static void afterRollback(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status != STATUS_COMMITTED) {
                        action.run();
                    }
                }
            });
        }
    }

    private static void afterCommit(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        } else {
            action.run();
        }
    }

    Path path(String hash) {
        return properties.storageDir().resolve(hash.substring(0, 2)).resolve(hash);
    }
}
