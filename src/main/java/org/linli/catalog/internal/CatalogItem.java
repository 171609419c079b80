package org.linli.catalog.internal;

import org.linli.catalog.ItemKind;

/**
 * An item of the district template ({@code ownerCenter} null) or a center's local item. A template
 * item is published by the district (then centers may publish their adoption of it).
 */
record CatalogItem(String code, String ownerCenter, String name, String category, ItemKind defaultKind,
        boolean referral, Guide guide, boolean published, int version) {

    public boolean local() {
        return ownerCenter != null;
    }
}
