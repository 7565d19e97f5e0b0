package org.portcullis.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Decides which address a request came from. The socket peer is the truth unless the peer is one of
 * our own trusted proxies; only then is X-Forwarded-For read, right to left, skipping further trusted
 * hops, and the first address not ours is the client. A client talking to us directly cannot move itself
 * to another address by writing the header.
 */
public final class ClientAddressResolver {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private final List<AddressBlock> trusted;

    public ClientAddressResolver(List<String> trustedProxies) {
        this.trusted = trustedProxies.stream().map(AddressBlock::parse).toList();
    }

    public String resolve(String peer, String forwardedFor) {
        if (trusted.isEmpty() || forwardedFor == null || !isTrusted(peer)) {
            return peer;
        }
        String[] hops = forwardedFor.split(",");
        String client = peer;
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (literal(hop) == null) {
                break;
            }
            client = hop;
            if (!isTrusted(hop)) {
                break;
            }
        }
        return client;
    }

    private boolean isTrusted(String address) {
        InetAddress parsed = literal(address);
        return parsed != null && trusted.stream().anyMatch(block -> block.contains(parsed));
    }

    /** Parses an IP literal without ever resolving a name; null if it is not one. */
    static InetAddress literal(String text) {
        if (text == null || text.isEmpty() || !(text.indexOf(':') >= 0 || IPV4.matcher(text).matches())) {
            return null;
        }
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException | SecurityException e) {
            return null;
        }
    }

    /** An address or CIDR block such as {@code 10.0.0.0/8} or {@code ::1}. */
    record AddressBlock(byte[] network, int prefixBits) {
        static AddressBlock parse(String spec) {
            String[] parts = spec.strip().split("/", 2);
            InetAddress address = literal(parts[0]);
            if (address == null) {
                throw new IllegalArgumentException("not an IP address or CIDR block: " + spec);
            }
            int bits = address.getAddress().length * 8;
            int prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : bits;
            if (prefix < 0 || prefix > bits) {
                throw new IllegalArgumentException("bad prefix length in " + spec);
            }
            return new AddressBlock(address.getAddress(), prefix);
        }

        boolean contains(InetAddress candidate) {
            byte[] bytes = candidate.getAddress();
            if (bytes.length != network.length) {
                return false;
            }
            int full = prefixBits / 8;
            for (int i = 0; i < full; i++) {
                if (bytes[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefixBits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = 0xFF << (8 - rest) & 0xFF;
            return (bytes[full] & mask) == (network[full] & mask);
        }
    }
}
