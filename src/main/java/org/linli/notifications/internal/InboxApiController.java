package org.linli.notifications.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.linli.identity.Callers;
import org.linli.platform.Access;
import org.linli.platform.LinliException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/me")
@Access
@Tag(name = "Notifications", description = "My inbox and how I want to be told")
class InboxApiController {

    private final Inbox inbox;
    private final Callers callers;

    InboxApiController(Inbox inbox, Callers callers) {
        this.inbox = inbox;
        this.callers = callers;
    }

    record PreferencesBody(Boolean smsEnabled, String quietStart, String quietEnd) {
    }

    private long me() {
        return callers.current().orElseThrow().accountId();
    }

    @GetMapping("/notifications")
    @Operation(summary = "My notifications, newest first")
    Map<String, Object> list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        List<Inbox.Message> messages = inbox.messages(me(), Math.max(0, page), Math.min(Math.max(size, 1), 100));
        return Map.of("notifications", messages, "unread", inbox.unread(me()), "page", page);
    }

    @PostMapping("/notifications/{id}/read")
    @Operation(summary = "Mark a notification read")
    ResponseEntity<Void> read(@PathVariable UUID id) {
        if (!inbox.markRead(me(), id)) {
            throw LinliException.notFound("NOTIFICATION_NOT_FOUND");
        }
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/notification-preferences")
    @Operation(summary = "SMS on or off, and quiet hours for non-urgent texts")
    Inbox.Preferences preferences() {
        return inbox.preferences(me());
    }

    @PutMapping("/notification-preferences")
    @Operation(summary = "Change SMS (omitted: unchanged) and quiet hours (HH:mm, Asia/Shanghai; both empty: none); "
            + "codes and urgent texts ignore quiet hours")
    Inbox.Preferences save(@RequestBody PreferencesBody body) {
        Inbox.Preferences current = inbox.preferences(me());
        Inbox.Preferences prefs = new Inbox.Preferences(
                body.smsEnabled() == null ? current.smsEnabled() : body.smsEnabled(),
                time("quietStart", body.quietStart()), time("quietEnd", body.quietEnd()));
        requireBothOrNeither(prefs);
        inbox.savePreferences(me(), prefs);
        return prefs;
    }

    /** Quiet hours need a start and an end; both empty turns them off. */
    static void requireBothOrNeither(Inbox.Preferences prefs) {
        if ((prefs.quietStart() == null) != (prefs.quietEnd() == null)) {
            throw LinliException.invalidField(prefs.quietStart() == null ? "quietStart" : "quietEnd",
                    "QUIET_HOURS_INCOMPLETE");
        }
    }

    static LocalTime time(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalTime.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw LinliException.invalidField(field, "TIME_INVALID");
        }
    }
}
