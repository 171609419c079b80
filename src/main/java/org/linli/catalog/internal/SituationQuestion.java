package org.linli.catalog.internal;

import java.util.List;

/**
 * The situations (情形) a guide may branch on. A fixed vocabulary keeps guides comparable and the
 * editor simple: an item turns questions on, and each material may apply to one answer.
 */
enum SituationQuestion {
    CASE("case", List.of("FIRST", "REPLACEMENT")),
    APPLICANT("applicant", List.of("SELF", "FAMILY")),
    HOUSEHOLD("household", List.of("LOCAL", "NONLOCAL")),
    LOSS("loss", List.of("LOST", "DAMAGED"));

    private final String key;
    private final List<String> answers;

    SituationQuestion(String key, List<String> answers) {
        this.key = key;
        this.answers = answers;
    }

    @com.fasterxml.jackson.annotation.JsonValue
    public String key() {
        return key;
    }

    public List<String> answers() {
        return answers;
    }

    @com.fasterxml.jackson.annotation.JsonCreator
    static SituationQuestion of(String key) {
        for (SituationQuestion q : values()) {
            if (q.key.equals(key) || q.name().equals(key)) {
                return q;
            }
        }
        throw new IllegalArgumentException("unknown situation question " + key);
    }

    /** Whether {@code when} ("applicant=FAMILY") names a question and one of its answers. */
    static boolean validCondition(String when) {
        if (when == null || when.isBlank()) {
            return true;
        }
        int eq = when.indexOf('=');
        if (eq <= 0) {
            return false;
        }
        try {
            return of(when.substring(0, eq)).answers.contains(when.substring(eq + 1));
        } catch (IllegalArgumentException unknown) {
            return false;
        }
    }
}
