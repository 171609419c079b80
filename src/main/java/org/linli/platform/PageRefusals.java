package org.linli.platform;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.ui.Model;

/**
 * How a page carries out a change: when Linli refuses it, the page is shown again with the refusal
 * (its message in the reader's language, under {@code error}) and the refusal's status, and nothing
 * else happens.
 */
public final class PageRefusals {

    private PageRefusals() {
    }

    /** Runs the change; true when it went through, false when it was refused (and the page told why). */
    public static boolean attempt(Runnable change, Model model, HttpServletResponse response) {
        try {
            change.run();
            return true;
        } catch (LinliException refusal) {
            response.setStatus(refusal.status().value());
            model.addAttribute("error", refusal);
            return false;
        }
    }
}
