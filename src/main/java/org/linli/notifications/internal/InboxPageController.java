package org.linli.notifications.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.linli.identity.Callers;
import org.linli.platform.Access;
import org.linli.platform.LinliException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** My inbox and my notification preferences. */
@Controller
@Access
class InboxPageController {

    private static final int PAGE_SIZE = 20;

    private final Inbox inbox;
    private final Callers callers;

    InboxPageController(Inbox inbox, Callers callers) {
        this.inbox = inbox;
        this.callers = callers;
    }

    private long me() {
        return callers.current().orElseThrow().accountId();
    }

    @GetMapping("/inbox")
    String inbox(@RequestParam(defaultValue = "0") int page, Model model) {
        int current = Math.max(0, page);
        var messages = inbox.messages(me(), current, PAGE_SIZE + 1);
        model.addAttribute("messages", messages.stream().limit(PAGE_SIZE).toList());
        model.addAttribute("page", current);
        model.addAttribute("hasNext", messages.size() > PAGE_SIZE);
        model.addAttribute("prefs", inbox.preferences(me()));
        return "notifications/inbox";
    }

    @PostMapping("/inbox/{id}/read")
    String read(@PathVariable UUID id) {
        inbox.markRead(me(), id);
        return "redirect:/inbox";
    }

    @PostMapping("/inbox/preferences")
    String preferences(@RequestParam(defaultValue = "false") boolean smsEnabled,
            @RequestParam(required = false) String quietStart, @RequestParam(required = false) String quietEnd,
            Model model, HttpServletResponse response) {
        try {
            Inbox.Preferences prefs = new Inbox.Preferences(smsEnabled, InboxApiController.time("quietStart", quietStart),
                    InboxApiController.time("quietEnd", quietEnd));
            InboxApiController.requireBothOrNeither(prefs);
            inbox.savePreferences(me(), prefs);
            return "redirect:/inbox?saved";
        } catch (LinliException refusal) {
            model.addAttribute("error", refusal);
            response.setStatus(refusal.status().value());
            return inbox(0, model);
        }
    }
}
