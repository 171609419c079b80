package org.linli.catalog.internal;

import java.util.List;
import org.linli.catalog.ItemKind;
import org.linli.centers.Centers;
import org.linli.platform.LinliException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writing items: the district's template items and a center's local items. A published item must
 * stay complete; publishing checks every required part of the guide and names what is missing.
 */
@Service
class ItemEditing {

    private final CatalogRepository repository;
    private final SearchIndex index;
    private final Centers centers;

    ItemEditing(CatalogRepository repository, SearchIndex index, Centers centers) {
        this.repository = repository;
        this.index = index;
        this.centers = centers;
    }

    /** A new district template item, unpublished. */
    @Transactional
    CatalogItem createTemplateItem(ItemInput input, Long actor) {
        ItemInput in = input.checked(true);
        if (in.code().toUpperCase().startsWith("L-")) {
            throw LinliException.invalidField("code", "ITEM_CODE_RESERVED");
        }
        if (repository.item(in.code()).isPresent()) {
            throw LinliException.conflict("ITEM_CODE_TAKEN", in.code());
        }
        CatalogItem item = new CatalogItem(in.code(), null, in.name(), in.category(), in.kind(), in.referral(),
                in.guide(), false, 0);
        repository.insert(item, actor);
        index.refreshAfterCommit();
        return item;
    }

    /** A center's own item: adopted by it at once with its kind, unpublished. */
    @Transactional
    CatalogItem createLocalItem(String centerCode, ItemInput input, Long actor) {
        centers.require(centerCode);
        ItemInput in = new ItemInput(repository.nextLocalCode(), input.name(), input.category(), input.kind(),
                input.referral(), input.guide(), null).checked(true);
        CatalogItem item = new CatalogItem(in.code(), centerCode, in.name(), in.category(), in.kind(), in.referral(),
                in.guide(), false, 0);
        repository.insert(item, actor);
        repository.save(new Adoption(centerCode, item.code(), in.kind(), false, null, null, null, null));
        index.refreshAfterCommit();
        return item;
    }

    /**
     * Replaces an item's content. {@code ownerCenter} null edits a template item; otherwise the item
     * must be that center's local item. A stale {@code version} is refused rather than overwriting.
     */
    @Transactional
    CatalogItem update(String ownerCenter, String code, ItemInput input, Long actor) {
        CatalogItem current = lockOwned(ownerCenter, code);
        ItemInput in = input.checked(false);
        if (in.version() != null && in.version() != current.version()) {
            throw LinliException.conflict("ITEM_CHANGED_MEANWHILE", code);
        }
        CatalogItem next = new CatalogItem(code, current.ownerCenter(), in.name(), in.category(), in.kind(),
                in.referral(), in.guide(), current.published(), current.version() + 1);
        if (next.published()) {
            requireComplete(next, next.defaultKind());
            for (Adoption a : publishedAdoptions(code)) {
                requireComplete(next, a.kind());
            }
        }
        repository.update(next, actor);
        index.refreshAfterCommit();
        return next;
    }

    /** Publish or withdraw an item (template: for adoption by centers; local: on the center's list). */
    @Transactional
    CatalogItem publish(String ownerCenter, String code, boolean publish, Long actor) {
        CatalogItem current = lockOwned(ownerCenter, code);
        if (publish) {
            requireComplete(current, current.defaultKind());
            for (Adoption a : publishedAdoptions(code)) {
                requireComplete(current, a.kind());
            }
            if (current.local()) {
                repository.adoption(ownerCenter, code).ifPresent(a -> requireComplete(current, a.kind()));
            }
        }
        CatalogItem next = new CatalogItem(code, current.ownerCenter(), current.name(), current.category(),
                current.defaultKind(), current.referral(), current.guide(), publish, current.version() + 1);
        repository.update(next, actor);
        if (next.local()) {
            repository.adoption(ownerCenter, code).ifPresent(a -> repository.save(new Adoption(a.centerCode(),
                    a.itemCode(), a.kind(), publish, a.windowName(), a.phone(), a.hours(), a.staffContact())));
        }
        index.refreshAfterCommit();
        return next;
    }

    /** Locks a template item ({@code ownerCenter} null) or that center's own item; 404 otherwise. */
    private CatalogItem lockOwned(String ownerCenter, String code) {
        return repository.itemForUpdate(code)
                .filter(i -> ownerCenter == null ? !i.local() : ownerCenter.equals(i.ownerCenter()))
                .orElseThrow(() -> LinliException.notFound("CATALOG_ITEM_NOT_FOUND", code));
    }

    static void requireComplete(CatalogItem item, ItemKind kind) {
        List<String> missing = item.guide().missingFor(kind, item.referral());
        if (!missing.isEmpty()) {
            throw LinliException.missing("GUIDE_INCOMPLETE", missing);
        }
    }

    private List<Adoption> publishedAdoptions(String itemCode) {
        return repository.adoptionsOf(itemCode).stream().filter(Adoption::published).toList();
    }
}
