package org.linli.catalog.internal;

import java.util.List;
import org.linli.platform.LinliException;
import org.linli.platform.PlainText;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Staff teach search the words residents use: a colloquial word and the official term it means. */
@Service
class SynonymEditing {

    private final CatalogRepository repository;
    private final SearchIndex index;

    SynonymEditing(CatalogRepository repository, SearchIndex index) {
        this.repository = repository;
        this.index = index;
    }

    List<CatalogRepository.SynonymRow> all() {
        return repository.synonyms();
    }

    @Transactional
    boolean add(String colloquial, String official, Long actor) {
        String c = colloquial == null ? "" : colloquial.trim();
        String o = official == null ? "" : official.trim();
        if (c.isEmpty() || c.length() > 40 || !c.codePoints().allMatch(cp -> Character.isLetterOrDigit(cp) || cp == ' ')) {
            throw LinliException.invalidField("colloquial", "SYNONYM_WORD_INVALID", 40);
        }
        if (o.isEmpty() || o.length() > 120 || PlainText.hasControl(o)) {
            throw LinliException.invalidField("official", "SYNONYM_OFFICIAL_INVALID", 120);
        }
        boolean added = repository.addSynonym(c, o, false, actor);
        if (!added) {
            throw LinliException.conflict("SYNONYM_EXISTS", c, o);
        }
        index.refreshAfterCommit();
        return true;
    }

    @Transactional
    void delete(long id) {
        repository.synonym(id).orElseThrow(() -> LinliException.notFound("SYNONYM_NOT_FOUND", id));
        repository.deleteSynonym(id);
        index.refreshAfterCommit();
    }
}
