package org.portcullis.bench.ab;

import java.nio.file.Path;

/**
 * One side of the A/B comparison: a built checkout of the code. Its forks run with the checkout as working
 * directory, so they read its own config.yml (a bcrypt cost raised there counts as a change of the code).
 *
 * @param name      "base" or "head"
 * @param directory the checkout's root
 * @param classpath its test classpath, absolute entries separated by the path separator
 */
public record Checkout(String name, Path directory, String classpath) {
}
