package org.linli.catalog;

/** How a center handles an item: accepted and handled here, or taken in here and carried upstream (代办). */
public enum ItemKind {
    GOVERNMENT, PROXY
}
