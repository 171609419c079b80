package org.linli.catalog.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.linli.catalog.FormField;
import org.linli.catalog.ItemKind;
import org.linli.catalog.TimeLimit;

/**
 * The guide (办事指南) of an item: stored as one JSON document, since its parts are read and written
 * together and vary in shape (materials, situations, form fields).
 */
record Guide(String conditions, List<Material> materials, String legalBasis, TimeLimit timeLimit, String fees,
        List<Channel> channels, String place, String hours, String upstreamDepartment, String referralTo,
        String notes, List<SituationQuestion> questions, List<FormField> fields, Boolean sample,
        List<String> sources) {

    enum Channel {
        WINDOW, ONLINE, PHONE, HOME_VISIT
    }

    enum Form {
        ORIGINAL, COPY, ORIGINAL_AND_COPY
    }

    /** A required material; {@code when} ("applicant=FAMILY") limits it to one answer of one question. */
    record Material(String name, Form form, Integer count, String notes, String when) {

        Material {
            count = count == null ? 0 : count;
        }

        boolean applies(Map<String, String> answers) {
            if (when == null || when.isBlank()) {
                return true;
            }
            int eq = when.indexOf('=');
            String question = when.substring(0, eq);
            String expected = when.substring(eq + 1);
            String answer = answers.get(question);
            return answer == null || answer.isBlank() || expected.equals(answer);
        }
    }

    Guide {
        materials = materials == null ? List.of() : List.copyOf(materials);
        channels = channels == null ? List.of() : List.copyOf(channels);
        questions = questions == null ? List.of() : List.copyOf(questions);
        fields = fields == null ? List.of() : List.copyOf(fields);
        sources = sources == null ? List.of() : List.copyOf(sources);
        sample = Boolean.TRUE.equals(sample);
    }

    /** Materials for the resident's situation; unanswered questions show every branch. */
    List<Material> materialsFor(Map<String, String> answers) {
        return materials.stream().filter(m -> m.applies(answers)).toList();
    }

    /** Names of the guide parts missing for publishing an item of this kind (empty when complete). */
    List<String> missingFor(ItemKind kind, boolean referral) {
        List<String> missing = new ArrayList<>();
        if (blank(conditions)) {
            missing.add("conditions");
        }
        if (referral) {
            if (blank(referralTo)) {
                missing.add("referralTo");
            }
            return missing;
        }
        if (materials.isEmpty()) {
            missing.add("materials");
        }
        if (timeLimit == null) {
            missing.add("timeLimit");
        }
        if (blank(fees)) {
            missing.add("fees");
        }
        if (channels.isEmpty()) {
            missing.add("channels");
        }
        if (blank(place)) {
            missing.add("place");
        }
        if (kind == ItemKind.PROXY && blank(upstreamDepartment)) {
            missing.add("upstreamDepartment");
        }
        return missing;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
