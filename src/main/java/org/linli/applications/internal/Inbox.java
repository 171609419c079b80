package org.linli.applications.internal;

import org.linli.platform.LinliException;

/** The staff inbox's filters, checked. */
final class Inbox {

    record Filter(String status, String item, String due) {
    }

    private Inbox() {
    }

    static Filter filter(String status, String item, String due) {
        String s = status == null ? "" : status.strip();
        if (!s.isEmpty()) {
            try {
                Status.valueOf(s);
            } catch (IllegalArgumentException unknown) {
                throw LinliException.invalidField("status", "STATUS_UNKNOWN", s);
            }
        }
        String d = due == null ? "" : due.strip();
        if (!d.isEmpty() && !d.equals("SOON") && !d.equals("OVERDUE")) {
            throw LinliException.invalidField("due", "DUE_FILTER_UNKNOWN", d);
        }
        String i = item == null ? "" : item.strip();
        if (!i.isEmpty() && !i.matches("[A-Za-z0-9][A-Za-z0-9-]{1,39}")) {
            throw LinliException.invalidField("item", "ITEM_CODE_INVALID");
        }
        return new Filter(s, i, d);
    }
}
