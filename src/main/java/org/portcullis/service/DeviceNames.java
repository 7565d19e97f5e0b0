package org.portcullis.service;

import org.portcullis.domain.DisplayText;

import java.util.Locale;

/**
 * A human name for a session when the client gave none: "Firefox on Linux" from a browser's User-Agent,
 * the product token ("curl/8.5.0") from a tool's, else "API Client". Only a label for the owner's session
 * list; nothing is decided on it.
 */
public final class DeviceNames {
    public static final String FALLBACK = "API Client";
    static final int MAX_LENGTH = 100;

    private DeviceNames() {
    }

    public static String choose(String requested, String userAgent) {
        if (requested != null && !requested.isBlank()) {
            return requested;
        }
        if (userAgent == null) {
            return FALLBACK;
        }
        // Jetty reads header bytes as ISO-8859-1, so a raw 0x85 arrives as a C1 control: a label we derive
        // cannot be refused with a 422 as the client's own device_name is, so what would be refused goes.
        userAgent = DisplayText.withoutUnsafeCharacters(userAgent);
        if (userAgent.isBlank()) {
            return FALLBACK;
        }
        String browser = browser(userAgent);
        String os = operatingSystem(userAgent);
        if (browser != null) {
            return os == null ? browser : browser + " on " + os;
        }
        String product = userAgent.strip().split("\\s+", 2)[0];
        return product.length() > MAX_LENGTH ? product.substring(0, MAX_LENGTH) : product;
    }

    private static String browser(String ua) {
        // Order matters: Edge and Opera also say "Chrome", Chrome also says "Safari".
        if (ua.contains("Edg/")) {
            return "Edge";
        }
        if (ua.contains("OPR/")) {
            return "Opera";
        }
        if (ua.contains("Firefox/")) {
            return "Firefox";
        }
        if (ua.contains("Chrome/")) {
            return "Chrome";
        }
        if (ua.contains("Safari/")) {
            return "Safari";
        }
        return null;
    }

    private static String operatingSystem(String ua) {
        String lower = ua.toLowerCase(Locale.ROOT);
        if (lower.contains("android")) {
            return "Android";
        }
        if (lower.contains("iphone") || lower.contains("ipad")) {
            return "iOS";
        }
        if (lower.contains("windows")) {
            return "Windows";
        }
        if (lower.contains("mac os")) {
            return "macOS";
        }
        if (lower.contains("linux")) {
            return "Linux";
        }
        return null;
    }
}
