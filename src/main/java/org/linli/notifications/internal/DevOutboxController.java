package org.linli.notifications.internal;

import org.linli.platform.Public;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.linli.platform.DemoOnly;
import org.linli.platform.LinliException;
import org.linli.platform.PhoneNumber;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** Demo only: the texts the development SMS gateway "sent", newest first. */
@Controller
@Public
@DemoOnly
@Tag(name = "Demo", description = "Exists only in demo mode")
class DevOutboxController {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private final JdbcClient jdbc;
    private final GroupRobot robot;

    DevOutboxController(JdbcClient jdbc, GroupRobot robot) {
        this.jdbc = jdbc;
        this.robot = robot;
    }

    @GetMapping(path = "/api/v1/dev/outbox", produces = "application/json")
    @ResponseBody
    @Operation(summary = "Texts sent by the development SMS gateway, newest first (demo only)")
    Outbox outbox(@RequestParam(required = false) String to) {
        return new Outbox(messages(to, 100));
    }

    @GetMapping("/dev/outbox")
    String page(@RequestParam(required = false) String to, Model model) {
        model.addAttribute("to", to);
        model.addAttribute("messages", messages(to, 50));
        model.addAttribute("groupMessages", robot.demoMessages().stream().limit(10).toList());
        return "notifications/outbox";
    }

    private List<Message> messages(String to, int limit) {
        if (to != null && !to.isBlank()) {
            PhoneNumber phone = PhoneNumber.parseOrNull(to);
            if (phone == null) {
                throw new LinliException(org.springframework.http.HttpStatus.BAD_REQUEST, "PHONE_INVALID");
            }
            return jdbc.sql("select to_phone, text, sent_at from sms_message where to_phone = ? order by id desc limit ?")
                    .params(phone.value(), limit).query(DevOutboxController::map).list();
        }
        return jdbc.sql("select to_phone, text, sent_at from sms_message order by id desc limit ?")
                .param(limit).query(DevOutboxController::map).list();
    }

    private static Message map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Message(rs.getString("to_phone"), rs.getString("text"),
                rs.getObject("sent_at", OffsetDateTime.class).atZoneSameInstant(SHANGHAI).toOffsetDateTime());
    }

    record Outbox(List<Message> messages) {
    }

    record Message(String to, String text, OffsetDateTime sentAt) {
    }
}
