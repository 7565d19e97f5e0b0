package org.portcullis.bench;

import org.portcullis.bench.compare.UsageException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The options of the pipeline's commands: {@code --name value} or {@code --name=value}; flags take no value;
 * only the options named repeatable may be given twice. Anything else is a {@link UsageException} (exit 2).
 */
public final class CommandOptions {
    private final Map<String, List<String>> values;

    private CommandOptions(Map<String, List<String>> values) {
        this.values = values;
    }

    public static CommandOptions parse(String[] args, Set<String> flags, Set<String> repeatable, Set<String> allowed) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            int equals = args[i].indexOf('=');
            String name = equals < 0 ? args[i] : args[i].substring(0, equals);
            if (!allowed.contains(name) && !flags.contains(name)) {
                throw new UsageException("unknown option '" + args[i] + "'");
            }
            String value;
            if (flags.contains(name)) {
                value = "";
            } else if (equals >= 0) {
                value = args[i].substring(equals + 1);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new UsageException(name + " needs a value");
            }
            if (!flags.contains(name) && value.isBlank()) {
                throw new UsageException(name + " needs a value");
            }
            List<String> given = values.computeIfAbsent(name, key -> new ArrayList<>());
            if (!given.isEmpty() && !repeatable.contains(name)) {
                throw new UsageException(name + " given more than once");
            }
            given.add(value);
        }
        return new CommandOptions(values);
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    public List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }

    public Optional<String> single(String name) {
        return Optional.ofNullable(values.get(name)).map(given -> given.get(0));
    }

    public Path path(String name, Path fallback) {
        return single(name).map(Path::of).orElse(fallback);
    }

    /** A whole number of at least {@code minimum}. */
    public int number(String name, int fallback, int minimum) {
        Optional<String> text = single(name);
        if (text.isEmpty()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.get());
            if (value >= minimum) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below, with the rule
        }
        throw new UsageException(name + " must be a whole number of at least " + minimum + ", got '" + text.get() + "'");
    }
}
