package org.linli.catalog.internal;

import java.util.ArrayList;
import java.util.List;
import org.linli.catalog.FormField;
import org.linli.catalog.ItemKind;
import org.linli.catalog.TimeLimit;
import org.linli.platform.LinliException;

/**
 * The item editor's form, bound from the page (a JavaBean, so rows of materials bind as
 * {@code materials[0].name}). Blank material rows are ignored; the application form is edited as
 * lines {@code name|label|TYPE|required|VALUE:label;VALUE:label}.
 */
public class ItemForm {

    private String code;
    private String name;
    private String category;
    private String kind = "GOVERNMENT";
    private boolean referral;
    private String conditions;
    private String legalBasis;
    private Integer timeLimitValue;
    private String timeLimitUnit = "WORKING_DAYS";
    private String fees;
    private List<String> channels = new ArrayList<>();
    private String place;
    private String hours;
    private String upstreamDepartment;
    private String referralTo;
    private String notes;
    private List<String> questions = new ArrayList<>();
    private List<MaterialRow> materials = new ArrayList<>();
    private String fields = "";
    private boolean sample;
    private Integer version;

    /** One row of the materials table. */
    public static class MaterialRow {
        private String name;
        private String form = "ORIGINAL";
        private Integer count = 1;
        private String notes;
        private String when;

        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public String getForm() { return form; }
        public void setForm(String form) { this.form = form; }
        public Integer getCount() { return count; }
        public void setCount(Integer count) { this.count = count; }
        public String getNotes() { return notes; }
        public void setNotes(String notes) { this.notes = notes; }
        public String getWhen() { return when; }
        public void setWhen(String when) { this.when = when; }
    }

    static ItemForm of(CatalogItem item) {
        ItemForm f = new ItemForm();
        Guide g = item.guide();
        f.code = item.code();
        f.name = item.name();
        f.category = item.category();
        f.kind = item.defaultKind().name();
        f.referral = item.referral();
        f.conditions = g.conditions();
        f.legalBasis = g.legalBasis();
        if (g.timeLimit() != null) {
            f.timeLimitValue = g.timeLimit().unit() == TimeLimit.Unit.ON_THE_SPOT ? null : g.timeLimit().value();
            f.timeLimitUnit = g.timeLimit().unit().name();
        }
        f.fees = g.fees();
        f.channels = new ArrayList<>(g.channels().stream().map(Enum::name).toList());
        f.place = g.place();
        f.hours = g.hours();
        f.upstreamDepartment = g.upstreamDepartment();
        f.referralTo = g.referralTo();
        f.notes = g.notes();
        f.questions = new ArrayList<>(g.questions().stream().map(SituationQuestion::key).toList());
        for (Guide.Material m : g.materials()) {
            MaterialRow row = new MaterialRow();
            row.name = m.name();
            row.form = m.form().name();
            row.count = m.count();
            row.notes = m.notes();
            row.when = m.when();
            f.materials.add(row);
        }
        f.fields = String.join("\n", g.fields().stream().map(ItemForm::line).toList());
        f.sample = g.sample();
        f.version = item.version();
        return f;
    }

    /** Adds blank rows so the editor always offers room for new materials. */
    ItemForm withBlankRows(int count) {
        for (int i = 0; i < count; i++) {
            materials.add(new MaterialRow());
        }
        return this;
    }

    ItemInput toInput(List<String> sources) {
        List<Guide.Material> rows = new ArrayList<>();
        for (int i = 0; i < materials.size(); i++) {
            MaterialRow r = materials.get(i);
            if (r == null || r.name == null || r.name.isBlank()) {
                continue;
            }
            rows.add(new Guide.Material(r.name.trim(), parse(Guide.Form.class, r.form, "materials[" + i + "].form"),
                    r.count == null ? 0 : r.count, blankToNull(r.notes), blankToNull(r.when)));
        }
        TimeLimit limit = null;
        Integer value = timeLimitValue;
        TimeLimit.Unit unit = parse(TimeLimit.Unit.class, timeLimitUnit, "timeLimitUnit");
        if (unit == TimeLimit.Unit.ON_THE_SPOT) {
            limit = new TimeLimit(0, unit);
        } else if (value != null) {
            if (value < 1 || value > 365) {
                throw LinliException.invalidField("timeLimitValue", "TIME_LIMIT_INVALID", 1, 365);
            }
            limit = new TimeLimit(value, unit);
        }
        Guide guide = new Guide(blankToNull(conditions), rows, blankToNull(legalBasis), limit, blankToNull(fees),
                channels.stream().map(c -> parse(Guide.Channel.class, c, "channels")).toList(), blankToNull(place),
                blankToNull(hours), blankToNull(upstreamDepartment), blankToNull(referralTo), blankToNull(notes),
                questions.stream().map(q -> {
                    try {
                        return SituationQuestion.of(q);
                    } catch (IllegalArgumentException unknown) {
                        throw LinliException.invalidField("questions", "SITUATION_UNKNOWN", q);
                    }
                }).toList(),
                parseFields(fields), sample, sources);
        return new ItemInput(code, name, category, kind == null || kind.isBlank() ? null
                : parse(ItemKind.class, kind, "kind"), referral, guide, version);
    }

    static String line(FormField f) {
        StringBuilder line = new StringBuilder(f.name()).append('|').append(f.label()).append('|')
                .append(f.type().name()).append('|').append(f.required() ? "required" : "optional");
        if (!f.options().isEmpty()) {
            line.append('|').append(String.join(";", f.options().stream().map(o -> o.value() + ":" + o.label()).toList()));
        }
        return line.toString();
    }

    static List<FormField> parseFields(String text) {
        List<FormField> result = new ArrayList<>();
        if (text == null) {
            return result;
        }
        List<String> lines = text.lines().map(String::trim).filter(l -> !l.isEmpty()).toList();
        for (int i = 0; i < lines.size(); i++) {
            String[] parts = lines.get(i).split("\\|", -1);
            if (parts.length < 3) {
                throw LinliException.invalidField("fields", "FORM_FIELD_INVALID", i + 1);
            }
            FormField.Type type;
            try {
                type = FormField.Type.valueOf(parts[2].trim());
            } catch (IllegalArgumentException unknown) {
                throw LinliException.invalidField("fields", "FORM_FIELD_INVALID", i + 1);
            }
            boolean required = parts.length > 3 && parts[3].trim().equalsIgnoreCase("required");
            List<FormField.Option> options = new ArrayList<>();
            if (parts.length > 4 && !parts[4].isBlank()) {
                for (String option : parts[4].split(";")) {
                    String[] kv = option.split(":", 2);
                    if (kv.length != 2 || kv[0].isBlank() || kv[1].isBlank()) {
                        throw LinliException.invalidField("fields", "FORM_FIELD_INVALID", i + 1);
                    }
                    options.add(new FormField.Option(kv[0].trim(), kv[1].trim()));
                }
            }
            result.add(new FormField(parts[0].trim(), parts[1].trim(), type, required, options));
        }
        return result;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String field) {
        try {
            return Enum.valueOf(type, value == null ? "" : value.trim());
        } catch (IllegalArgumentException unknown) {
            throw LinliException.invalidField(field, "VALUE_UNKNOWN", value);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    public String getCode() { return code; }
    public void setCode(String code) { this.code = code; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getCategory() { return category; }
    public void setCategory(String category) { this.category = category; }
    public String getKind() { return kind; }
    public void setKind(String kind) { this.kind = kind; }
    public boolean isReferral() { return referral; }
    public void setReferral(boolean referral) { this.referral = referral; }
    public String getConditions() { return conditions; }
    public void setConditions(String conditions) { this.conditions = conditions; }
    public String getLegalBasis() { return legalBasis; }
    public void setLegalBasis(String legalBasis) { this.legalBasis = legalBasis; }
    public Integer getTimeLimitValue() { return timeLimitValue; }
    public void setTimeLimitValue(Integer timeLimitValue) { this.timeLimitValue = timeLimitValue; }
    public String getTimeLimitUnit() { return timeLimitUnit; }
    public void setTimeLimitUnit(String timeLimitUnit) { this.timeLimitUnit = timeLimitUnit; }
    public String getFees() { return fees; }
    public void setFees(String fees) { this.fees = fees; }
    public List<String> getChannels() { return channels; }
    public void setChannels(List<String> channels) { this.channels = channels == null ? new ArrayList<>() : channels; }
    public String getPlace() { return place; }
    public void setPlace(String place) { this.place = place; }
    public String getHours() { return hours; }
    public void setHours(String hours) { this.hours = hours; }
    public String getUpstreamDepartment() { return upstreamDepartment; }
    public void setUpstreamDepartment(String upstreamDepartment) { this.upstreamDepartment = upstreamDepartment; }
    public String getReferralTo() { return referralTo; }
    public void setReferralTo(String referralTo) { this.referralTo = referralTo; }
    public String getNotes() { return notes; }
    public void setNotes(String notes) { this.notes = notes; }
    public List<String> getQuestions() { return questions; }
    public void setQuestions(List<String> questions) { this.questions = questions == null ? new ArrayList<>() : questions; }
    public List<MaterialRow> getMaterials() { return materials; }
    public void setMaterials(List<MaterialRow> materials) { this.materials = materials == null ? new ArrayList<>() : materials; }
    public String getFields() { return fields; }
    public void setFields(String fields) { this.fields = fields; }
    public boolean isSample() { return sample; }
    public void setSample(boolean sample) { this.sample = sample; }
    public Integer getVersion() { return version; }
    public void setVersion(Integer version) { this.version = version; }
}
