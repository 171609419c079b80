package org.linli.catalog;

import java.util.List;
import java.util.Map;

/**
 * An item as one center publishes it: what other modules (applications, the window) need to know.
 *
 * @param situations the situation questions the guide asks (e.g. {@code applicant}), each with its answers
 * @param materials  the required materials; {@code when} ("applicant=FAMILY") limits one to an answer
 */
public record PublishedItem(String centerCode, String code, String name, String category, ItemKind kind,
        boolean referral, TimeLimit timeLimit, List<FormField> fields, String upstreamDepartment,
        Map<String, List<String>> situations, List<Material> materials) {

    /** A material the applicant brings or uploads. */
    public record Material(String name, String when) {

        /** Whether it is needed for these answers (an unanswered question needs every branch). */
        public boolean needed(Map<String, String> answers) {
            if (when == null || when.isBlank()) {
                return true;
            }
            int eq = when.indexOf('=');
            String answer = answers.get(when.substring(0, eq));
            return answer == null || answer.isBlank() || answer.equals(when.substring(eq + 1));
        }
    }

    /** The materials for these situation answers. */
    public List<Material> materialsFor(Map<String, String> answers) {
        return materials.stream().filter(m -> m.needed(answers)).toList();
    }
}
