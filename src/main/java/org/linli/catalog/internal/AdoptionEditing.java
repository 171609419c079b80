package org.linli.catalog.internal;

import org.linli.catalog.ItemKind;
import org.linli.centers.Centers;
import org.linli.platform.LinliException;
import org.linli.platform.PlainText;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A center admin adopts template items, says how the center handles each (GOVERNMENT or PROXY),
 * publishes them to residents, and sets local details: window, phone, hours, staff contact.
 */
@Service
class AdoptionEditing {

    private final CatalogRepository repository;
    private final SearchIndex index;
    private final Centers centers;

    AdoptionEditing(CatalogRepository repository, SearchIndex index, Centers centers) {
        this.repository = repository;
        this.index = index;
        this.centers = centers;
    }

    /** What an admin may set; null keeps the current value (or the template's default kind). */
    record AdoptionInput(ItemKind kind, Boolean published, String windowName, String phone, String hours,
            String staffContact) {
    }

    @Transactional
    Adoption save(String centerCode, String itemCode, AdoptionInput input) {
        centers.require(centerCode);
        CatalogItem item = repository.itemForUpdate(itemCode)
                .filter(i -> !i.local() || centerCode.equals(i.ownerCenter()))
                .orElseThrow(() -> LinliException.notFound("CATALOG_ITEM_NOT_FOUND", itemCode));
        Adoption current = repository.adoption(centerCode, itemCode).orElse(null);
        ItemKind kind = input.kind() != null ? input.kind() : current != null ? current.kind() : item.defaultKind();
        boolean published = input.published() != null ? input.published() : current != null && current.published();
        if (published) {
            if (!item.published()) {
                throw LinliException.conflict(item.local() ? "ITEM_NOT_PUBLISHED" : "TEMPLATE_ITEM_NOT_PUBLISHED",
                        itemCode);
            }
            ItemEditing.requireComplete(item, kind);
        }
        Adoption next = new Adoption(centerCode, itemCode, kind, published,
                local("windowName", input.windowName(), current == null ? null : current.windowName(), 100),
                local("phone", input.phone(), current == null ? null : current.phone(), 40),
                local("hours", input.hours(), current == null ? null : current.hours(), 200),
                local("staffContact", input.staffContact(), current == null ? null : current.staffContact(), 100));
        repository.save(next);
        index.refreshAfterCommit();
        return next;
    }

    /** Stops handling an item here (a local item is withdrawn instead: it has no other home). */
    @Transactional
    void withdraw(String centerCode, String itemCode) {
        centers.require(centerCode);
        CatalogItem item = repository.item(itemCode)
                .orElseThrow(() -> LinliException.notFound("CATALOG_ITEM_NOT_FOUND", itemCode));
        if (repository.adoption(centerCode, itemCode).isEmpty()) {
            throw LinliException.notFound("CATALOG_ITEM_NOT_FOUND", itemCode);
        }
        if (item.local()) {
            throw LinliException.conflict("LOCAL_ITEM_CANNOT_BE_DROPPED", itemCode);
        }
        repository.delete(centerCode, itemCode);
        index.refreshAfterCommit();
    }

    private static String local(String field, String given, String current, int max) {
        if (given == null) {
            return current;
        }
        return PlainText.check(field, given, max);
    }
}
