package org.linli.catalog.internal.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.HanyuPinyinVCharType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;

/**
 * Toneless pinyin of Chinese text, from pinyin4j's reading tables. A character with several readings
 * (长: chang/zhang, 重: zhong/chong) gives every combination, up to a bound, so a polyphone never
 * hides a match.
 */
final class PinyinForms {

    private static final int MAX_FORMS = 16;
    private static final HanyuPinyinOutputFormat FORMAT = new HanyuPinyinOutputFormat();

    static {
        FORMAT.setCaseType(HanyuPinyinCaseType.LOWERCASE);
        FORMAT.setToneType(HanyuPinyinToneType.WITHOUT_TONE);
        FORMAT.setVCharType(HanyuPinyinVCharType.WITH_V);
    }

    private PinyinForms() {
    }

    /** The full spellings of a word, syllables run together ("社保卡" → "shebaoka"). */
    static Set<String> full(String word) {
        return combine(word, false);
    }

    /** The initials ("社保卡" → "sbk"). */
    static Set<String> initials(String word) {
        return combine(word, true);
    }

    private static Set<String> combine(String word, boolean initialsOnly) {
        List<String> forms = new ArrayList<>(List.of(""));
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            Set<String> readings = readings(c);
            if (readings.isEmpty()) {
                if (Character.isLetterOrDigit(c)) {
                    readings = Set.of(String.valueOf(Character.toLowerCase(c)));
                } else {
                    continue;
                }
            }
            List<String> next = new ArrayList<>();
            for (String prefix : forms) {
                for (String reading : readings) {
                    if (next.size() < MAX_FORMS) {
                        next.add(prefix + (initialsOnly ? reading.substring(0, 1) : reading));
                    }
                }
            }
            forms = next;
        }
        Set<String> result = new LinkedHashSet<>(forms);
        result.remove("");
        return result;
    }

    static Set<String> readings(char c) {
        if (!Character.isIdeographic(c)) {
            return Set.of();
        }
        try {
            String[] all = PinyinHelper.toHanyuPinyinStringArray(c, FORMAT);
            if (all == null) {
                return Set.of();
            }
            Set<String> distinct = new LinkedHashSet<>();
            for (String reading : all) {
                if (!reading.isEmpty()) {
                    distinct.add(reading);
                }
            }
            return distinct;
        } catch (BadHanyuPinyinOutputFormatCombination impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
