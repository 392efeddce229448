package dev.andon.web;

import dev.andon.web.app.AndonApplication;

import java.time.Clock;
import java.time.Duration;

/**
 * The service as {@link Main} starts it, with its clock {@value #AHEAD_SECONDS} seconds ahead of real time: for
 * child-process tests of what falls due while the service is down (escalations after an outage), without waiting.
 */
final class ClockAheadMain {
    static final String AHEAD_SECONDS = "ANDON_TEST_CLOCK_AHEAD_SECONDS";

    private ClockAheadMain() {
    }

    public static void main(String[] args) {
        Duration ahead = Duration.ofSeconds(Long.parseLong(System.getenv(AHEAD_SECONDS)));
        AndonApplication app = AndonApplication.start(System.getenv(), Clock.offset(Clock.systemUTC(), ahead));
        Runtime.getRuntime().addShutdownHook(new Thread(app::close, "andon-shutdown"));
    }
}
