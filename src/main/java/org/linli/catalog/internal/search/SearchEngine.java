package org.linli.catalog.internal.search;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * An immutable search index over the catalogue's items, rebuilt whole when the catalogue changes (a
 * hundred or so items build in milliseconds). A query is scored by how much of it an item explains:
 * every stretch of the query that is part of the item's name, a colloquial name of the item, a
 * homophone of one (低宝 for 低保), or pinyin or initials of one counts; filler words do not. The share
 * explained ranks first; how much of the item's name the query pins down breaks ties, so the general
 * 社会保障卡申领 comes before 临时社会保障卡办理 for "社保卡".
 */
public final class SearchEngine {

    /** An item as search sees it. */
    public record Document(String code, String name, String category) {
    }

    /** A colloquial word and the official term it stands for (a row of synonyms.csv). */
    public record Synonym(String colloquial, String official) {
    }

    /** A ranked result: the share of the query explained (0–1) plus a small bonus for specificity. */
    public record Hit(String code, double score) {
    }

    static final double MIN_COVERAGE = 0.34;
    private static final int MAX_SPAN = 16;
    private static final List<String> PREFIXES = List.of("中华人民共和国", "云南省", "昆明市", "官渡区");

    private record Posting(int doc, double weight, int credit) {
    }

    private record Span(int start, int end, double weight, int credit) {
    }

    private final List<Document> documents;
    private final int[] coreLength;
    private final String[] cores;
    private final Map<String, List<Posting>> literal = new HashMap<>();
    private final Map<String, List<Posting>> alias = new HashMap<>();
    private final NavigableMap<String, List<Posting>> fullPinyin = new TreeMap<>();
    private final Map<String, List<Posting>> initials = new HashMap<>();

    public SearchEngine(List<Document> documents, Collection<Synonym> synonyms) {
        this.documents = List.copyOf(documents);
        this.coreLength = new int[documents.size()];
        this.cores = new String[documents.size()];
        for (int d = 0; d < documents.size(); d++) {
            Document doc = documents.get(d);
            String name = QueryText.normalize(doc.name()).replace(" ", "");
            String core = QueryText.normalize(core(doc.name())).replace(" ", "");
            cores[d] = core;
            coreLength[d] = Math.max(1, core.length());
            for (int i = 0; i < name.length(); i++) {
                for (int j = i + 1; j <= Math.min(name.length(), i + MAX_SPAN); j++) {
                    String part = name.substring(i, j);
                    add(literal, part, new Posting(d, part.length() == 1 ? 0.6 : 1.0, part.length()));
                }
            }
            String category = doc.category() == null ? "" : QueryText.normalize(doc.category()).replace(" ", "");
            for (int i = 0; i + 2 <= category.length(); i++) {
                for (int j = i + 2; j <= category.length(); j++) {
                    add(literal, category.substring(i, j), new Posting(d, 0.5, 0));
                }
            }
            for (String word : keyWords(name, core)) {
                addPinyin(word, d, 0.9);
            }
        }
        for (Synonym synonym : synonyms) {
            String colloquial = QueryText.key(synonym.colloquial());
            String official = strip(QueryText.normalize(synonym.official()).replace(" ", ""));
            if (colloquial.isEmpty() || official.isEmpty()) {
                continue;
            }
            for (int d = 0; d < documents.size(); d++) {
                String name = QueryText.normalize(documents.get(d).name()).replace(" ", "");
                if (relates(official, name, cores[d])) {
                    add(alias, colloquial, new Posting(d, 1.0, Math.min(official.length(), coreLength[d])));
                    addPinyin(colloquial, d, 1.0);
                }
            }
        }
    }

    public int size() {
        return documents.size();
    }

    /** The best items for a query among those {@code visible} accepts, best first; empty for nonsense. */
    public List<Hit> search(String query, Predicate<String> visible, int limit) {
        List<QueryText.Run> runs = QueryText.runs(query);
        double totalUnits = runs.stream().mapToDouble(QueryText.Run::units).sum();
        if (runs.isEmpty() || totalUnits == 0) {
            return List.of();
        }
        double[] covered = new double[documents.size()];
        int[] credit = new int[documents.size()];
        for (QueryText.Run run : runs) {
            Map<Integer, List<Span>> spans = run.latin() ? latinSpans(run.text()) : chineseSpans(run.text());
            double[] runCover = new double[documents.size()];
            int[] runCredit = new int[documents.size()];
            for (Map.Entry<Integer, List<Span>> entry : spans.entrySet()) {
                cover(run, entry.getValue(), entry.getKey(), runCover, runCredit);
            }
            if (run.latin() ? run.text().length() >= 5 : run.text().length() >= 2 && run.text().length() <= 6) {
                fuzzy(run, runCover, runCredit);
            }
            for (int d = 0; d < documents.size(); d++) {
                covered[d] += runCover[d];
                credit[d] += runCredit[d];
            }
        }
        List<Hit> hits = new ArrayList<>();
        for (int d = 0; d < documents.size(); d++) {
            double coverage = covered[d] / totalUnits;
            if (coverage < MIN_COVERAGE || !visible.test(documents.get(d).code())) {
                continue;
            }
            double specificity = Math.min(1.0, credit[d] / (double) coreLength[d]);
            hits.add(new Hit(documents.get(d).code(), coverage + 0.25 * specificity - 0.0001 * coreLength[d]));
        }
        hits.sort(Comparator.comparingDouble(Hit::score).reversed().thenComparing(Hit::code));
        return hits.size() > limit ? hits.subList(0, limit) : hits;
    }

    // ----- matching -------------------------------------------------------------------------------

    private Map<Integer, List<Span>> chineseSpans(String text) {
        Map<Integer, List<Span>> spans = new HashMap<>();
        for (int i = 0; i < text.length(); i++) {
            for (int j = i + 1; j <= Math.min(text.length(), i + MAX_SPAN); j++) {
                String part = text.substring(i, j);
                int length = j - i;
                collect(spans, literal.get(part), i, j, 1.0);
                collect(spans, alias.get(part), i, j, 1.0);
                if (length >= 2) {
                    for (String sound : PinyinForms.full(part)) {
                        collect(spans, fullPinyin.get(sound), i, j, 0.8);
                    }
                }
            }
        }
        return spans;
    }

    private Map<Integer, List<Span>> latinSpans(String text) {
        Map<Integer, List<Span>> spans = new HashMap<>();
        for (int i = 0; i < text.length(); i++) {
            for (int j = i + 1; j <= Math.min(text.length(), i + 4 * MAX_SPAN); j++) {
                String part = text.substring(i, j);
                collect(spans, fullPinyin.get(part), i, j, 1.0);
                if (part.length() >= 2) {
                    collect(spans, initials.get(part), i, j, 0.8);
                }
            }
            String rest = text.substring(i);
            if (rest.length() >= 3) {
                // the last word typed only in part: "shebao" for "shebaoka"
                for (List<Posting> postings : fullPinyin.subMap(rest, false, rest + Character.MAX_VALUE, false).values()) {
                    collect(spans, postings, i, text.length(), 0.85);
                }
            }
        }
        return spans;
    }

    private static void collect(Map<Integer, List<Span>> spans, List<Posting> postings, int start, int end,
            double factor) {
        if (postings == null) {
            return;
        }
        for (Posting p : postings) {
            spans.computeIfAbsent(p.doc(), d -> new ArrayList<>())
                    .add(new Span(start, end, p.weight() * factor, p.credit()));
        }
    }

    /** Best non-overlapping cover of the run by one document's spans (dynamic programming over positions). */
    private void cover(QueryText.Run run, List<Span> spans, int doc, double[] runCover, int[] runCredit) {
        int n = run.text().length();
        double unit = run.latin() ? 1 / 3.0 : 1.0;
        double[] best = new double[n + 1];
        int[] bestCredit = new int[n + 1];
        List<List<Span>> byStart = new ArrayList<>();
        for (int i = 0; i <= n; i++) {
            byStart.add(new ArrayList<>());
        }
        for (Span span : spans) {
            byStart.get(span.start()).add(span);
        }
        for (int i = 0; i < n; i++) {
            if (better(best[i], bestCredit[i], best[i + 1], bestCredit[i + 1])) {
                best[i + 1] = best[i];
                bestCredit[i + 1] = bestCredit[i];
            }
            for (Span span : byStart.get(i)) {
                double value = best[i] + span.weight() * (span.end() - span.start()) * unit;
                int c = bestCredit[i] + span.credit();
                if (better(value, c, best[span.end()], bestCredit[span.end()])) {
                    best[span.end()] = value;
                    bestCredit[span.end()] = c;
                }
            }
        }
        runCover[doc] = best[n];
        runCredit[doc] = bestCredit[n];
    }

    private static boolean better(double value, int credit, double than, int thanCredit) {
        return value > than + 1e-9 || (Math.abs(value - than) <= 1e-9 && credit > thanCredit);
    }

    /** Typos: the whole run's sound within one or two edits of a known spelling. */
    private void fuzzy(QueryText.Run run, double[] runCover, int[] runCredit) {
        Set<String> sounds = run.latin() ? Set.of(run.text()) : PinyinForms.full(run.text());
        for (String sound : sounds) {
            if (sound.length() < 5) {
                continue;
            }
            int allowed = sound.length() >= 10 ? 2 : 1;
            for (Map.Entry<String, List<Posting>> entry : fullPinyin.entrySet()) {
                String known = entry.getKey();
                if (Math.abs(known.length() - sound.length()) > allowed
                        || Edits.distance(sound, known, allowed) > allowed) {
                    continue;
                }
                for (Posting p : entry.getValue()) {
                    double value = 0.75 * p.weight() * run.units();
                    if (value > runCover[p.doc()]) {
                        runCover[p.doc()] = value;
                        runCredit[p.doc()] = p.credit();
                    }
                }
            }
        }
    }

    // ----- building -------------------------------------------------------------------------------

    private void addPinyin(String word, int doc, double weight) {
        int credit = Math.min(word.length(), coreLength[doc]);
        for (String form : PinyinForms.full(word)) {
            add(fullPinyin, form, new Posting(doc, weight, credit));
        }
        if (word.length() >= 2) {
            for (String form : PinyinForms.initials(word)) {
                add(initials, form, new Posting(doc, weight, credit));
            }
        }
    }

    /** The name's words, and runs of two and three neighbouring words (残疾 人 证 → 残疾人证). */
    private static Set<String> keyWords(String name, String core) {
        List<String> words = QueryText.words(name);
        Set<String> keys = new LinkedHashSet<>(words);
        for (int i = 0; i < words.size(); i++) {
            StringBuilder run = new StringBuilder(words.get(i));
            for (int j = i + 1; j < Math.min(words.size(), i + 3); j++) {
                run.append(words.get(j));
                keys.add(run.toString());
            }
        }
        keys.add(core);
        keys.add(name);
        return keys;
    }

    private static void add(Map<String, List<Posting>> index, String key, Posting posting) {
        List<Posting> postings = index.computeIfAbsent(key, k -> new ArrayList<>());
        for (int i = 0; i < postings.size(); i++) {
            Posting existing = postings.get(i);
            if (existing.doc() == posting.doc()) {
                if (posting.weight() > existing.weight()
                        || (posting.weight() == existing.weight() && posting.credit() > existing.credit())) {
                    postings.set(i, posting);
                }
                return;
            }
        }
        postings.add(posting);
    }

    /** The name without its bracketed remarks: 最低生活保障申请（低保） → 最低生活保障申请. */
    static String core(String name) {
        String core = name.replaceAll("[（(][^）)]*[）)]", "");
        return core.isBlank() ? name : core;
    }

    private static String strip(String term) {
        for (String prefix : PREFIXES) {
            if (term.startsWith(prefix) && term.length() > prefix.length() + 1) {
                return term.substring(prefix.length());
            }
        }
        return term;
    }

    /** Whether an official term names (part of) an item: contained in its name, or mostly shared with it. */
    static boolean relates(String official, String name, String core) {
        if (name.contains(official)) {
            return true;
        }
        if (core.length() >= 3 && official.contains(core)) {
            return true;
        }
        return official.length() >= 4 && Edits.longestCommonRun(official, name) >= Math.ceil(0.75 * official.length());
    }
}
