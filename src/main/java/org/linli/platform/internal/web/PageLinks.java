package org.linli.platform.internal.web;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Links to the current page with one preference switched; used by the header of every page. */
public final class PageLinks {

    private static final java.util.Set<String> SWITCHES = java.util.Set.of("lang", "elder");

    private final String path;
    private final String query;

    PageLinks(String path, String query) {
        this.path = path;
        this.query = query;
    }

    /** The current page with {@code name=value} added (value is a plain token, no encoding needed). */
    public String with(String name, String value) {
        String rest = keep(query);
        return path + "?" + (rest.isEmpty() ? "" : rest + "&") + name + "=" + value;
    }

    static String without(String path, String query) {
        String rest = keep(query);
        return rest.isEmpty() ? path : path + "?" + rest;
    }

    private static String keep(String query) {
        if (query == null || query.isEmpty()) {
            return "";
        }
        return Arrays.stream(query.split("&"))
                .filter(part -> !part.isEmpty() && !SWITCHES.contains(part.split("=", 2)[0]))
                .collect(Collectors.joining("&"));
    }
}
