package org.linli.centers;

import java.util.Locale;
import java.util.Map;

/**
 * A part of a center's public page that another module fills (hours, services, activities), so the
 * centers module shows them without depending on those modules.
 */
public interface CenterPageSection {

    /** Lower comes first on the page. */
    int order();

    /** The Thymeleaf template holding a fragment named {@code section}. */
    String template();

    /** What the fragment reads as {@code data}. */
    Map<String, Object> model(Center center, Locale locale);
}
