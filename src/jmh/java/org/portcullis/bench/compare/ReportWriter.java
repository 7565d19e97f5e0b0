package org.portcullis.bench.compare;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders a {@link ComparisonReport} as a console table and as a Markdown file.
 *
 * <p>The console table is what a developer reads in the CI log; the Markdown file is meant to be
 * appended to {@code $GITHUB_STEP_SUMMARY}, so it repeats the table plus the new/missing lists and
 * the overall verdict. Both show mean scores, with the baseline already normalised when asked.
 */
public final class ReportWriter {

    private static final String[] HEADERS = {"Benchmark", "Baseline", "Current", "Change", "Verdict"};

    private ReportWriter() {
    }

    /** Prints the header lines, the formula, the aligned table, the new/missing lists and the summary. */
    public static void printConsole(ComparisonReport report, PrintStream out) {
        out.println("Benchmark comparison: " + report.baselineSource() + " (baseline) vs "
                + report.currentSource() + " (current)");
        report.warnings().forEach(out::println);
        report.normalization().ifPresent(normalization -> out.println(normalization.describe()));
        report.formulaLines().forEach(out::println);

        List<String[]> rows = new ArrayList<>();
        rows.add(HEADERS);
        for (Comparison comparison : report.comparisons()) {
            String verdict = comparison.verdict().label();
            String detail = comparison.detail();
            rows.add(cells(comparison, detail.isEmpty() ? verdict : verdict + " (" + detail + ")"));
        }
        int[] widths = new int[HEADERS.length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (int r = 0; r < rows.size(); r++) {
            out.println(line(rows.get(r), widths));
            if (r == 0) {
                String[] rule = new String[HEADERS.length];
                for (int i = 0; i < rule.length; i++) {
                    rule[i] = "-".repeat(widths[i]);
                }
                out.println(line(rule, widths));
            }
        }
        if (report.comparisons().isEmpty()) {
            out.println("(no benchmark present in both runs)");
        }
        if (!report.added().isEmpty()) {
            out.println("New benchmarks (not compared): " + String.join(", ", report.added()));
        }
        if (!report.missing().isEmpty()) {
            out.println("Missing benchmarks (only in baseline): " + String.join(", ", report.missing()));
        }
        out.println(report.summary());
    }

    /** Writes the GitHub-flavoured Markdown report, creating parent directories. */
    public static void writeMarkdown(ComparisonReport report, Path target) throws IOException {
        Path parent = target.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(target, markdown(report), StandardCharsets.UTF_8);
    }

    /** The Markdown text of the report. */
    public static String markdown(ComparisonReport report) {
        StringBuilder md = new StringBuilder();
        md.append("## Benchmark comparison: ")
                .append(report.hasRegression() ? "\u274c regression" : "\u2705 no regression").append("\n\n");
        md.append("Baseline `").append(report.baselineSource()).append("` vs current `")
                .append(report.currentSource()).append("`\n\n");
        report.warnings().forEach(warning -> md.append("> **").append(escape(warning)).append("**\n\n"));
        report.normalization().ifPresent(n -> md.append("_").append(escape(n.describe())).append("_\n\n"));

        md.append("| ").append(String.join(" | ", HEADERS)).append(" |\n");
        md.append("|---|---:|---:|---:|---|\n");
        for (Comparison comparison : report.comparisons()) {
            String detail = comparison.detail();
            String verdict = comparison.verdict().markdown() + (detail.isEmpty() ? "" : " <br>" + detail);
            String[] cells = cells(comparison, verdict);
            for (int i = 0; i < cells.length; i++) {
                cells[i] = escape(cells[i]).replace("&lt;br&gt;", "<br>");
            }
            md.append("| ").append(String.join(" | ", cells)).append(" |\n");
        }
        md.append('\n');
        report.formulaLines().forEach(line -> md.append("- ").append(escape(line)).append('\n'));
        md.append('\n');
        appendList(md, "New benchmarks (not compared)", report.added());
        appendList(md, "Missing benchmarks (only in baseline)", report.missing());
        md.append("**Overall: ").append(escape(report.summary())).append("**\n");
        return md.toString();
    }

    private static void appendList(StringBuilder md, String title, List<String> names) {
        if (names.isEmpty()) {
            return;
        }
        md.append("### ").append(title).append("\n\n");
        names.forEach(name -> md.append("- ").append(escape(name)).append('\n'));
        md.append('\n');
    }

    private static String[] cells(Comparison comparison, String verdict) {
        return new String[] {
            comparison.name(),
            Quantities.format(comparison.baseline().score(), comparison.baseline().unit()),
            Quantities.format(comparison.current().score(), comparison.current().unit()),
            Quantities.percent(comparison.change()),
            verdict
        };
    }

    private static String line(String[] cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            boolean numeric = i >= 1 && i <= 3;
            String padding = " ".repeat(widths[i] - cells[i].length());
            if (i > 0) {
                line.append("  ");
            }
            line.append(numeric ? padding + cells[i] : cells[i] + (i == cells.length - 1 ? "" : padding));
        }
        return line.toString();
    }

    /** Escapes characters that would break a Markdown table cell or inline HTML. */
    private static String escape(String text) {
        return text.replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;");
    }
}
