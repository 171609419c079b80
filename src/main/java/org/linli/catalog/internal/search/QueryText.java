package org.linli.catalog.internal.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Turns what a resident typed into runs the search can match: Chinese (with digits) and Latin
 * letters (pinyin) apart, spaces and punctuation as breaks, filler words of a question removed.
 * Filler words are found on word boundaries from Lucene's smartcn segmenter, so 的 is dropped from
 * 我的社保卡 but a character inside a real word is never cut out.
 */
final class QueryText {

    /** Longest query considered; anything longer is cut (a 500-character paste still gets results). */
    static final int MAX_LENGTH = 64;

    private static final SmartChineseAnalyzer SEGMENTER = new SmartChineseAnalyzer(false);

    private static final Set<String> FILLER = Set.of("我", "我的", "的", "了", "吗", "呢", "啊", "吧", "呀", "嘛", "怎么",
            "怎么办", "怎样", "如何", "要", "想", "需要", "去", "哪", "哪里", "哪儿", "在", "能", "能不能", "可以", "有",
            "有没有", "是", "给", "帮", "帮我", "什么", "请问", "一下", "请", "你好", "您好", "办", "办理", "做", "弄", "该",
            "应该", "这个", "那个", "我们", "咱", "他", "她", "它", "妈", "我妈", "爸", "我爸", "还", "都", "就", "和", "跟",
            "到", "得", "么", "哦", "呃", "找", "谁", "多少", "多久", "几天", "时候", "被", "把", "让", "上");

    /** A run of one script: CJK characters and digits, or Latin letters. */
    record Run(String text, boolean latin) {

        double units() {
            return latin ? text.length() / 3.0 : text.length();
        }
    }

    private QueryText() {
    }

    static String normalize(String raw) {
        if (raw == null) {
            return "";
        }
        String text = Normalizer.normalize(raw, Normalizer.Form.NFKC).toLowerCase();
        if (text.length() > MAX_LENGTH) {
            text = text.substring(0, MAX_LENGTH);
        }
        text = text.replace("一百", "100").replace("九十", "90").replace("八十", "80").replace("七十", "70")
                .replace("六十", "60");
        StringBuilder clean = new StringBuilder();
        text.codePoints().forEach(cp -> {
            boolean keep = Character.isIdeographic(cp) || (cp < 128 && Character.isLetterOrDigit(cp));
            clean.append(keep ? Character.toString(cp) : " ");
        });
        return clean.toString().trim().replaceAll(" +", " ");
    }

    /** The runs of a query, filler words removed. */
    static List<Run> runs(String raw) {
        List<Run> runs = new ArrayList<>();
        for (String piece : normalize(raw).split(" ")) {
            int i = 0;
            while (i < piece.length()) {
                boolean latin = isLatin(piece.charAt(i));
                int j = i;
                while (j < piece.length() && isLatin(piece.charAt(j)) == latin) {
                    j++;
                }
                String text = piece.substring(i, j);
                String kept = latin ? text : withoutFiller(text);
                if (!kept.isEmpty()) {
                    runs.add(new Run(kept, latin));
                }
                i = j;
            }
        }
        return runs;
    }

    /** A colloquial term as the search compares it: normalised, spaces and filler words removed. */
    static String key(String term) {
        StringBuilder key = new StringBuilder();
        for (Run run : runs(term)) {
            key.append(run.text());
        }
        return key.toString();
    }

    /** Words of a Chinese text as segmented by smartcn. */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        try (TokenStream tokens = SEGMENTER.tokenStream("q", text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                words.add(term.toString());
            }
            tokens.end();
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return words;
    }

    private static String withoutFiller(String text) {
        // smartcn lower-cases and may stem Latin text, but runs given here are CJK and digits only
        List<String> words = words(text);
        StringBuilder kept = new StringBuilder();
        int from = 0;
        for (String word : words) {
            int at = text.indexOf(word, from);
            if (at < 0) {
                continue;
            }
            if (!FILLER.contains(word)) {
                kept.append(word);
            }
            from = at + word.length();
        }
        return kept.toString();
    }

    private static boolean isLatin(char c) {
        return c >= 'a' && c <= 'z';
    }
}
