package org.linli.catalog;

import java.util.Optional;

/** What other modules may ask of the catalogue. */
public interface Catalog {

    /** The item as the center publishes it, or empty when the center does not publish it. */
    Optional<PublishedItem> published(String centerCode, String itemCode);
}
