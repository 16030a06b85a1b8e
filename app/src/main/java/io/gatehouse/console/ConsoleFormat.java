package io.gatehouse.console;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Component;

/** Dates as the console's templates show them ({@code ${@consoleFormat.time(x)}}), in UTC. */
@Component("consoleFormat")
public class ConsoleFormat {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    public String date(Instant instant) {
        return instant == null ? "" : DATE.format(instant);
    }

    public String time(Instant instant) {
        return instant == null ? "never" : TIME.format(instant);
    }
}
