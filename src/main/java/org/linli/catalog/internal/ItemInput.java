package org.linli.catalog.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.linli.catalog.FormField;
import org.linli.catalog.ItemKind;
import org.linli.platform.LinliException;
import org.linli.platform.PlainText;

/** An item as an editor submits it (create or update), checked before anything is written. */
record ItemInput(String code, String name, String category, ItemKind kind, Boolean referral, Guide guide,
        Integer version) {

    private static final String CODE = "[A-Za-z0-9][A-Za-z0-9-]{1,39}";
    private static final String FIELD_NAME = "[a-zA-Z][a-zA-Z0-9]{0,39}";

    /** Refuses the first thing wrong with a clear field and code; returns the input tidied. */
    ItemInput checked(boolean creating) {
        if (creating && (code == null || !code.trim().matches(CODE))) {
            throw LinliException.invalidField("code", "ITEM_CODE_INVALID");
        }
        text("name", name, 120);
        String trimmedName = name == null ? "" : name.trim();
        if (trimmedName.length() < 2 || trimmedName.length() > 120) {
            throw LinliException.invalidField("name", "ITEM_NAME_INVALID", 2, 120);
        }
        if (category == null || !Categories.known(category)) {
            throw LinliException.invalidField("category", "CATEGORY_UNKNOWN", category);
        }
        if (kind == null) {
            throw LinliException.invalidField("kind", "ITEM_KIND_REQUIRED");
        }
        if (guide == null) {
            throw LinliException.invalidField("guide", "GUIDE_REQUIRED");
        }
        text("conditions", guide.conditions(), 2000);
        text("legalBasis", guide.legalBasis(), 1000);
        text("fees", guide.fees(), 300);
        text("place", guide.place(), 300);
        text("hours", guide.hours(), 300);
        text("upstreamDepartment", guide.upstreamDepartment(), 200);
        text("referralTo", guide.referralTo(), 300);
        text("notes", guide.notes(), 2000);
        if (guide.materials().size() > 40) {
            throw LinliException.invalidField("materials", "TOO_MANY_MATERIALS", 40);
        }
        for (int i = 0; i < guide.materials().size(); i++) {
            Guide.Material m = guide.materials().get(i);
            String at = "materials[" + i + "]";
            if (m == null || m.name() == null || m.name().isBlank() || m.name().length() > 100 || m.form() == null
                    || m.count() < 1 || m.count() > 20) {
                throw LinliException.invalidField(at, "MATERIAL_INVALID", i + 1);
            }
            text(at + ".name", m.name(), 100);
            text(at + ".notes", m.notes(), 300);
            if (!SituationQuestion.validCondition(m.when())
                    || (m.when() != null && !m.when().isBlank() && guide.questions().stream()
                            .noneMatch(q -> m.when().startsWith(q.key() + "=")))) {
                throw LinliException.invalidField(at + ".when", "MATERIAL_SITUATION_UNKNOWN", i + 1, m.when());
            }
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < guide.fields().size(); i++) {
            FormField f = guide.fields().get(i);
            String at = "fields[" + i + "]";
            if (f != null) {
                text(at + ".label", f.label(), 60);
                f.options().forEach(o -> text(at + ".options", o.label(), 60));
            }
            if (f == null || f.name() == null || !f.name().matches(FIELD_NAME) || !names.add(f.name())
                    || f.label() == null || f.label().isBlank() || f.label().length() > 60 || f.type() == null
                    || (f.type() == FormField.Type.CHOICE && f.options().isEmpty())) {
                throw LinliException.invalidField(at, "FORM_FIELD_INVALID", i + 1);
            }
        }
        if (guide.fields().size() > 30) {
            throw LinliException.invalidField("fields", "TOO_MANY_FIELDS", 30);
        }
        List<String> sources = new ArrayList<>(guide.sources());
        return new ItemInput(code == null ? null : code.trim(), trimmedName, category, kind, Boolean.TRUE.equals(referral),
                new Guide(guide.conditions(), guide.materials(), guide.legalBasis(), guide.timeLimit(), guide.fees(),
                        guide.channels(), guide.place(), guide.hours(), guide.upstreamDepartment(), guide.referralTo(),
                        guide.notes(), guide.questions(), guide.fields(), guide.sample(), sources),
                version);
    }

    private static void text(String field, String value, int max) {
        PlainText.check(field, value, max);
    }
}
