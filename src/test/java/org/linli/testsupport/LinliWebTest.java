package org.linli.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole application in demo mode on a random port against real PostgreSQL. Every test class
 * with this annotation shares one Spring context (and so one database with the demo district).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"linli.demo=true", "linli.data-dir=target/test-data", "logging.file.name=",
                "linli.auth.otp-per-client-per-hour=100000", "linli.auth.otp-per-phone-per-hour=100",
                "linli.appointments.reminder-interval=1s", "linli.appointments.booking-days=60",
                "linli.notifications.dispatch-interval=1s"})
public @interface LinliWebTest {
}
