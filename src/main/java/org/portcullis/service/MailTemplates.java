package org.portcullis.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The mail bodies, kept as templates in {@code src/main/resources/mail/}: {@code <name>.txt} (its first line
 * {@code Subject: ...}, then a blank line, then the plain-text body) and {@code <name>.html}. A template names
 * its values as {@code {{name}}}; in the HTML body every value is escaped, so an account's first name cannot
 * inject markup. Three short templates with a handful of values need no template engine; all are read and
 * checked at start, so a missing file or an unknown placeholder stops the start rather than a mail.
 */
public final class MailTemplates {
    /** The mails the service sends, and the values each template may use. */
    public enum Template {
        PASSWORD_RESET("password-reset", "first_name", "link", "lifetime"),
        VERIFY_EMAIL("verify-email", "first_name", "link", "lifetime"),
        PASSWORD_CHANGED("password-changed", "first_name", "email");

        private final String file;
        private final Set<String> values;

        Template(String file, String... values) {
            this.file = file;
            this.values = Set.of(values);
        }
    }

    /** A message rendered for one recipient. */
    public record Rendered(String subject, String text, String html) {
    }

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-z_]+)}}");
    private static final String SUBJECT = "Subject: ";

    private record Source(String subject, String text, String html) {
    }

    private final Map<Template, Source> sources = new EnumMap<>(Template.class);

    /** Reads every template from the class path; fails on a missing file or an unknown placeholder. */
    public MailTemplates() {
        for (Template template : Template.values()) {
            String text = read("mail/" + template.file + ".txt");
            String html = read("mail/" + template.file + ".html");
            int end = text.indexOf('\n');
            if (!text.startsWith(SUBJECT) || end < 0) {
                throw new IllegalStateException("mail/" + template.file + ".txt must start with a 'Subject: ' line");
            }
            Source source = new Source(text.substring(SUBJECT.length(), end).strip(), text.substring(end + 1).strip() + "\n", html);
            for (String part : new String[]{source.subject, source.text, source.html}) {
                Matcher placeholders = PLACEHOLDER.matcher(part);
                while (placeholders.find()) {
                    if (!template.values.contains(placeholders.group(1))) {
                        throw new IllegalStateException("mail/" + template.file + " uses an unknown value {{"
                                + placeholders.group(1) + "}}");
                    }
                }
            }
            sources.put(template, source);
        }
    }

    /** The template filled with {@code values}; a value the template names but was not given is empty. */
    public Rendered render(Template template, Map<String, String> values) {
        Source source = sources.get(template);
        return new Rendered(fill(source.subject, values, false), fill(source.text, values, false),
                fill(source.html, values, true));
    }

    private static String fill(String template, Map<String, String> values, boolean html) {
        Matcher placeholders = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder(template.length() + 128);
        while (placeholders.find()) {
            String value = values.getOrDefault(placeholders.group(1), "");
            placeholders.appendReplacement(out, Matcher.quoteReplacement(html ? escape(value) : value));
        }
        placeholders.appendTail(out);
        return out.toString();
    }

    private static String escape(String value) {
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (char c : value.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String read(String resource) {
        try (InputStream in = MailTemplates.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("mail template " + resource + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
