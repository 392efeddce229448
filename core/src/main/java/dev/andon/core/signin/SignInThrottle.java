package dev.andon.core.signin;

import dev.andon.core.error.TooManyRequestsException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing: after {@value #PER_ACCOUNT} failures for one account, or {@value #PER_ADDRESS} from one
 * address, within {@link #WINDOW}, further attempts are refused until the oldest failure leaves the window. Kept in
 * memory on purpose: a restart forgives, but nobody can fill the store by failing.
 */
public final class SignInThrottle {
    public static final int PER_ACCOUNT = 5;
    public static final int PER_ADDRESS = 20;
    public static final Duration WINDOW = Duration.ofMinutes(15);
    private static final int MAX_TRACKED = 100_000;

    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
    private final Clock clock;

    public SignInThrottle(Clock clock) {
        this.clock = clock;
    }

    /** Refuses (429) when the account or the address has failed too often lately. */
    public void check(String account, String address) {
        Instant now = clock.instant();
        refuseIfOver("account:" + account, PER_ACCOUNT, now, "too many failed sign-ins for " + account);
        refuseIfOver("address:" + address, PER_ADDRESS, now, "too many failed sign-ins from this address");
    }

    public void failed(String account, String address) {
        Instant now = clock.instant();
        if (failures.size() > MAX_TRACKED) {
            failures.clear();
        }
        add("account:" + account, now);
        add("address:" + address, now);
    }

    public void succeeded(String account) {
        failures.remove("account:" + account);
    }

    private void add(String key, Instant now) {
        Deque<Instant> q = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (q) {
            q.addLast(now);
            while (q.size() > PER_ADDRESS) {
                q.removeFirst();
            }
        }
    }

    private void refuseIfOver(String key, int limit, Instant now, String message) {
        Deque<Instant> q = failures.get(key);
        if (q == null) {
            return;
        }
        synchronized (q) {
            while (!q.isEmpty() && !q.peekFirst().isAfter(now.minus(WINDOW))) {
                q.removeFirst();
            }
            if (q.size() >= limit) {
                Instant oldestRelevant = q.stream().skip(q.size() - limit).findFirst().orElse(now);
                Duration wait = Duration.between(now, oldestRelevant.plus(WINDOW));
                throw new TooManyRequestsException(message + "; try again in " + Math.max(1, wait.toMinutes()) + " min",
                        wait.isNegative() ? Duration.ofSeconds(1) : wait);
            }
        }
    }
}
