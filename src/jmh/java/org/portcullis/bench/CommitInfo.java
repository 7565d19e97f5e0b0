package org.portcullis.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The {@code commit_info} of a result file: which code was measured. A baseline from a dirty tree is
 * worth less than one from a commit, which is why {@code dirty} is recorded (tracked files only: a new,
 * not yet committed baseline file does not make the measured code dirty).
 *
 * <p>Any field git cannot give (no git installed, not a repository, detached HEAD for the branch) is
 * null; a benchmark run never fails over its metadata.
 *
 * @param id     the full commit hash
 * @param branch the branch name, or null when detached
 * @param dirty  whether tracked files differ from the commit
 * @param time   the commit time, ISO-8601 UTC
 */
public record CommitInfo(String id, String branch, Boolean dirty, String time) {
    private static final long GIT_TIMEOUT_SECONDS = 10;

    /** Reads the commit of the repository containing {@code directory}. */
    public static CommitInfo of(Path directory) {
        Optional<String> id = git(directory, "rev-parse", "HEAD");
        if (id.isEmpty()) {
            return new CommitInfo(null, null, null, null);
        }
        String branch = git(directory, "rev-parse", "--abbrev-ref", "HEAD").filter(b -> !b.equals("HEAD"))
                .orElse(null);
        Boolean dirty = git(directory, "status", "--porcelain", "--untracked-files=no").map(s -> !s.isEmpty())
                .orElse(null);
        String time = git(directory, "log", "-1", "--format=%cI")
                .map(t -> OffsetDateTime.parse(t).toInstant().toString()).orElse(null);
        return new CommitInfo(id.get(), branch, dirty, time);
    }

    /** The JSON object, keys in the documented order, nulls kept. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", id);
        map.put("branch", branch);
        map.put("dirty", dirty);
        map.put("time", time);
        return map;
    }

    /** Trimmed standard output of a successful git command, else empty. */
    private static Optional<String> git(Path directory, String... args) {
        List<String> command = new ArrayList<>(List.of("git", "-C", directory.toString()));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!process.waitFor(GIT_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return Optional.empty();
            }
            return process.exitValue() == 0 ? Optional.of(output) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
