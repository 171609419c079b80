package org.linli.dashboard.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** The JSON a page's chart element carries for charts.js: labels and values (the table beside it has the same). */
final class ChartData {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ChartData() {
    }

    private static String json(List<String> labels, List<Long> values) {
        return JSON.writeValueAsString(Map.of("labels", labels, "values", values));
    }

    static String of(Map<String, Long> values) {
        return json(new ArrayList<>(values.keySet()), new ArrayList<>(values.values()));
    }

    /** Labels already named in the reader's language. */
    static String labelled(Map<String, Long> values, java.util.function.UnaryOperator<String> name) {
        return json(values.keySet().stream().map(name).toList(), new ArrayList<>(values.values()));
    }

    static String compare(Map<String, Dashboards.Figures> side, Map<String, String> names) {
        return json(side.keySet().stream().map(names::get).toList(),
                side.values().stream().map(Dashboards.Figures::attendance).toList());
    }
}
