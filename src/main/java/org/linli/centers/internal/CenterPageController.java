package org.linli.centers.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.linli.centers.Center;
import org.linli.centers.CenterLevel;
import org.linli.centers.CenterPageSection;
import org.linli.centers.Centers;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The district's home page and each center's page. */
@Controller
class CenterPageController {

    private final Centers centers;
    private final List<CenterPageSection> sections;

    CenterPageController(Centers centers, List<CenterPageSection> sections) {
        this.centers = centers;
        this.sections = sections.stream().sorted(java.util.Comparator.comparingInt(CenterPageSection::order)).toList();
    }

    /** A section ready for the template: which fragment, and its data. */
    record RenderedSection(String template, Map<String, Object> data) {
    }

    @GetMapping("/")
    String home(Model model) {
        List<Center> all = centers.all();
        Map<Center, List<Center>> streets = new LinkedHashMap<>();
        all.stream().filter(c -> c.level() == CenterLevel.STREET)
                .forEach(street -> streets.put(street, all.stream()
                        .filter(c -> street.code().equals(c.parentCode())).toList()));
        model.addAttribute("district", all.stream().filter(c -> c.level() == CenterLevel.DISTRICT).findFirst()
                .orElse(null));
        model.addAttribute("streets", streets);
        return "centers/home";
    }

    @GetMapping("/centers/{code}")
    String center(@PathVariable String code, Model model, java.util.Locale locale) {
        Center center = centers.require(code);
        model.addAttribute("sections", sections.stream()
                .map(s -> new RenderedSection(s.template(), s.model(center, locale))).toList());
        model.addAttribute("center", center);
        model.addAttribute("path", centers.path(center));
        model.addAttribute("children", centers.children(center.code()));
        return "centers/center";
    }
}
