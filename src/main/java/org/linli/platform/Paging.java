package org.linli.platform;

/** Page numbers as pages receive them: anything unreadable or out of range becomes the nearest valid page. */
public final class Paging {

    private Paging() {
    }

    /** How many pages {@code total} items make at {@code size} a page (at least one). */
    public static int pages(int total, int size) {
        return Math.max(1, (total + size - 1) / size);
    }

    /** The page asked for, within 1..pages; 1 for anything that is not a number. */
    public static int page(String asked, int pages) {
        try {
            return Math.min(Math.max(Integer.parseInt(asked.trim()), 1), pages);
        } catch (NumberFormatException | NullPointerException notANumber) {
            return 1;
        }
    }
}
