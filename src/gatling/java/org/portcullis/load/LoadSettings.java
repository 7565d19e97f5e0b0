package org.portcullis.load;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;

/**
 * What a load test run is told by loadtest.mk, as {@code -Dloadtest.*} system properties (the Gatling
 * Maven plugin passes Maven's system properties on to the Gatling JVM).
 *
 * <p>The target must be a loopback address: these simulations send thousands of requests a second and
 * must never be pointed, by a typo or a stray variable, at a host that is not this machine.
 *
 * @param baseUrl       the service, e.g. http://127.0.0.1:18080 ({@code loadtest.baseUrl})
 * @param users         concurrent virtual users of the closed-model scenarios ({@code loadtest.users}, 32)
 * @param duration      length of the measured phase ({@code loadtest.duration}: 30s, 2m, or seconds)
 * @param warmUp        unmeasured requests before it, to let the JIT compile the hot paths
 *                      ({@code loadtest.warmUp}, 5s)
 * @param bcryptSeconds one bcrypt verify at the configured cost on this box, in seconds
 *                      ({@code loadtest.bcryptSeconds}: loadtest.sh times logins on the service unless
 *                      BCRYPT_SECONDS gives it; 0.28 when neither did)
 * @param cores         cores of the box the service runs on ({@code loadtest.cores}, this JVM's count: the
 *                      target is on loopback, so the same machine)
 * @param appPid        the service's process id, for the heap figures ({@code loadtest.appPid}; 0: none)
 * @param adminUrl      the service's admin port, e.g. http://127.0.0.1:18081 ({@code loadtest.adminUrl}), where
 *                      the overload scenario reads the users/me latency budget
 * @param capacity      users/me requests a second the service serves, for the overload scenario: measured by the
 *                      users-me phase before it ({@code loadtest.capacity}; 0: not known)
 */
public record LoadSettings(URI baseUrl, int users, Duration duration, Duration warmUp, double bcryptSeconds,
                           int cores, long appPid, URI adminUrl, double capacity) {

    public LoadSettings {
        requireLoopback(baseUrl);
        requireLoopback(adminUrl);
        if (users < 1 || duration.isNegative() || duration.isZero() || bcryptSeconds <= 0 || cores < 1) {
            throw new IllegalArgumentException("loadtest: users, duration, bcryptSeconds and cores must be positive");
        }
        if (capacity < 0) {
            throw new IllegalArgumentException("loadtest: capacity must not be negative");
        }
    }

    public static LoadSettings fromSystemProperties() {
        return new LoadSettings(
                URI.create(property("baseUrl", "http://127.0.0.1:18080")),
                Integer.parseInt(property("users", "32")),
                parseDuration(property("duration", "30s")),
                parseDuration(property("warmUp", "5s")),
                Double.parseDouble(property("bcryptSeconds", "0.28")),
                Integer.parseInt(property("cores", String.valueOf(Runtime.getRuntime().availableProcessors()))),
                Long.parseLong(property("appPid", "0")),
                URI.create(property("adminUrl", "http://127.0.0.1:18081")),
                Double.parseDouble(property("capacity", "0")));
    }

    /** Logins a second the box can verify: every core busy with bcrypt, nothing else. */
    public double bcryptCapacityPerSecond() {
        return cores / bcryptSeconds;
    }

    /** "30s", "2m", "1h", "500ms", or a bare number of seconds. */
    static Duration parseDuration(String text) {
        String value = text.trim().toLowerCase(Locale.ROOT);
        if (value.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
        }
        char unit = value.charAt(value.length() - 1);
        String number = Character.isDigit(unit) ? value : value.substring(0, value.length() - 1);
        long amount = Long.parseLong(number);
        return switch (unit) {
            case 'h' -> Duration.ofHours(amount);
            case 'm' -> Duration.ofMinutes(amount);
            case 's' -> Duration.ofSeconds(amount);
            default -> {
                if (!Character.isDigit(unit)) {
                    throw new IllegalArgumentException("loadtest: unknown duration " + text + " (use 30s, 2m, 1h)");
                }
                yield Duration.ofSeconds(amount);
            }
        };
    }

    private static void requireLoopback(URI baseUrl) {
        String host = baseUrl.getHost();
        try {
            if (host == null || !InetAddress.getByName(host).isLoopbackAddress()) {
                throw new IllegalArgumentException("loadtest: " + baseUrl + " is not a loopback address;"
                        + " load tests only target this machine (127.0.0.1, localhost, [::1])");
            }
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("loadtest: cannot resolve " + host, e);
        }
    }

    /** {@code loadtest.<name>}, or {@code fallback} when it is missing or blank. */
    static String property(String name, String fallback) {
        String value = System.getProperty("loadtest." + name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
