package org.linli.catalog.internal;

import org.linli.catalog.ItemKind;

/** A center's adoption of an item: how it handles it, whether residents see it, and its local details. */
record Adoption(String centerCode, String itemCode, ItemKind kind, boolean published, String windowName,
        String phone, String hours, String staffContact) {
}
