package org.portcullis.bench;

import org.portcullis.bench.compare.UsageException;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One platform's baselines: {@code baselines/<platform>/NNNN_<name>.json}, numbered like pytest-benchmark's
 * {@code .benchmarks}. The number is one more than the highest present, so it only grows (a deleted
 * baseline's number is not reused) and the highest number is the newest baseline. A baseline is never
 * overwritten: a file that appears between choosing the number and writing it fails the save.
 */
public final class BaselineStore {
    private static final Pattern BASELINE = Pattern.compile("(\\d{4})_[^/\\\\]+\\.json");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private final Path directory;

    /** @param directory the platform's directory, e.g. {@code baselines/Linux-OpenJDK-17-64bit} */
    public BaselineStore(Path directory) {
        this.directory = directory;
    }

    public Path directory() {
        return directory;
    }

    /** The baseline with the highest number, if there is any. */
    public Optional<Path> newest() {
        return baselines().max(Comparator.comparingInt(BaselineStore::number));
    }

    /** Where the next baseline called {@code name} goes: {@code NNNN_name.json}, NNNN the next free number. */
    public Path next(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new UsageException("baseline name '" + name + "' must be letters, digits, '.', '_' or '-'");
        }
        int number = baselines().mapToInt(BaselineStore::number).max().orElse(0) + 1;
        if (number > 9999) {
            throw new UsageException(directory + " already holds baseline 9999");
        }
        return directory.resolve(String.format("%04d_%s.json", number, name));
    }

    /** Copies {@code results} to {@link #next}; returns the new file. */
    public Path save(Path results, String name) {
        if (!Files.isRegularFile(results)) {
            throw new UsageException("result file not found: " + results);
        }
        Path target = next(name);
        try {
            Files.createDirectories(directory);
            Files.copy(results, target);
        } catch (FileAlreadyExistsException e) {
            throw new UsageException("baseline " + target + " appeared while saving; run the save again", e);
        } catch (IOException e) {
            throw new UsageException("cannot save baseline " + target + ": " + e.getMessage(), e);
        }
        return target;
    }

    private Stream<Path> baselines() {
        if (!Files.isDirectory(directory)) {
            return Stream.empty();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> BASELINE.matcher(file.getFileName().toString()).matches())
                    .filter(Files::isRegularFile)
                    .toList()
                    .stream();
        } catch (IOException e) {
            throw new UsageException("cannot list " + directory + ": " + e.getMessage(), e);
        }
    }

    private static int number(Path baseline) {
        Matcher matcher = BASELINE.matcher(baseline.getFileName().toString());
        if (!matcher.matches()) {
            throw new IllegalArgumentException(baseline + " is not a baseline file");
        }
        return Integer.parseInt(matcher.group(1));
    }
}
