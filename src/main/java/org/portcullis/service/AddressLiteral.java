package org.portcullis.service;

import com.google.common.net.InetAddresses;

import java.net.InetAddress;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one reading of an IP address as the socket peer and forwarded hops write it. Jetty gives an IPv6 peer
 * in brackets ({@code [2001:db8::1]}), proxies write hops with a port ({@code 198.51.100.7:5678},
 * {@code [2001:db8::1]:443}), link-local addresses carry a zone ({@code fe80::1%eth0}), and a dual-stack
 * socket shows an IPv4 client as IPv4-mapped IPv6 ({@code ::ffff:198.51.100.7}). Every spelling of one
 * client must be one address: the throttle counts per address, and a spelling the reader failed on became a
 * fresh counter of its own. Lives in the service layer because the throttle's buckets need it as much as
 * the HTTP layer's resolver.
 *
 * <p>Only literals are read: a name is never looked up (Guava's InetAddresses parses without DNS), so a
 * header cannot make the service resolve names or wait on DNS.
 */
public final class AddressLiteral {
    /** A port after the address: a colon and 1 to 5 digits. */
    private static final Pattern PORT = Pattern.compile(":\\d{1,5}");

    private AddressLiteral() {
    }

    /** The address written in {@code text}, else empty (not a literal, or a name). */
    public static Optional<InetAddress> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String literal = text.strip();
        if (literal.startsWith("[")) {
            int close = literal.indexOf(']');
            if (close < 0 || close + 1 < literal.length() && !PORT.matcher(literal.substring(close + 1)).matches()) {
                return Optional.empty();
            }
            literal = literal.substring(1, close);
        } else if (literal.indexOf(':') >= 0 && literal.indexOf(':') == literal.lastIndexOf(':')) {
            // One colon is IPv4 with a port: an IPv6 literal has at least two.
            int colon = literal.indexOf(':');
            if (!PORT.matcher(literal.substring(colon)).matches()) {
                return Optional.empty();
            }
            literal = literal.substring(0, colon);
        }
        int zone = literal.indexOf('%');
        if (zone >= 0 && literal.indexOf(':') >= 0) {
            // The zone names an interface of the machine that saw the address; the client is the same one.
            literal = literal.substring(0, zone);
        }
        if (!InetAddresses.isInetAddress(literal)) {
            return Optional.empty();
        }
        // IPv4-mapped IPv6 comes back as the IPv4 address it is (an Inet4Address).
        return Optional.of(InetAddresses.forString(literal));
    }

    /** The address in its one canonical spelling: dotted IPv4, RFC 5952 IPv6 (no brackets, port or zone). */
    public static String canonical(InetAddress address) {
        return InetAddresses.toAddrString(address);
    }
}
