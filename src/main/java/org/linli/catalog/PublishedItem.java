package org.linli.catalog;

import java.util.List;

/**
 * An item as one center publishes it: what other modules (applications, the window) need to know.
 */
public record PublishedItem(String centerCode, String code, String name, String category, ItemKind kind,
        boolean referral, TimeLimit timeLimit, List<FormField> fields, String upstreamDepartment) {
}
