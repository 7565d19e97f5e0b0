package org.portcullis.bench.ab;

import org.portcullis.bench.compare.Quantities;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The A/B run as text: the console summary, {@code ab-report.md} (for a CI job summary) and
 * {@code ab-report.html} (the same table and the ratio chart; self-contained, it opens from disk offline).
 * Every benchmark's row says what this run could have seen: "detectable ≥ X %" is the slowdown its own
 * spread would have called slower four times in five, so a pass is read with what it could not rule out.
 */
public final class GateReport {
    private static final String[] HEADERS = {"Benchmark", "Family", "Base median", "Head median", "Head/base",
        "Interval", "Slower above", "Detectable at today's noise", "Pairs", "Verdict"};

    private GateReport() {
    }

    public static void printConsole(GateResult result, PrintStream out) {
        int width = result.judgements().stream().mapToInt(judgement -> judgement.name().length()).max().orElse(0);
        for (Judgement judgement : result.judgements()) {
            String[] cells = cells(judgement, false);
            out.println(String.format(Locale.ROOT, "%-" + width + "s  %9s %-22s slower above %-8s detectable %-7s %3s pairs  %s",
                    cells[0], cells[4], cells[5], cells[6], cells[7], cells[8], cells[9]));
        }
        notes(result).forEach(out::println);
        out.println(result.summary());
    }

    public static void write(GateResult result, Path markdown, Path html) throws IOException {
        for (Path file : List.of(markdown, html)) {
            Files.createDirectories(file.toAbsolutePath().getParent());
        }
        Files.writeString(markdown, markdown(result));
        Files.writeString(html, html(result));
    }

    static String markdown(GateResult result) {
        StringBuilder text = new StringBuilder("## Benchmark A/B: ").append(result.summary()).append("\n\n")
                .append(header(result)).append("\n\n")
                .append('|').append(String.join("|", HEADERS)).append("|\n")
                .append("|---".repeat(HEADERS.length)).append("|\n");
        for (Judgement judgement : result.judgements()) {
            text.append('|').append(String.join("|", cells(judgement, true))).append("|\n");
        }
        List<String> notes = notes(result);
        if (!notes.isEmpty()) {
            text.append('\n');
            notes.forEach(note -> text.append("- ").append(note).append('\n'));
        }
        return text.toString();
    }

    static String html(GateResult result) {
        StringBuilder page = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>Benchmark A/B</title><style>body{font-family:sans-serif;margin:2em}"
                + "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}"
                + "td:first-child,th:first-child{text-align:left}.fail{color:#c62828;font-weight:bold}</style></head><body>\n")
                .append("<h1>Benchmark A/B</h1>\n<p><b>").append(RatioChart.escape(result.summary())).append("</b></p>\n<p>")
                .append(RatioChart.escape(header(result))).append("</p>\n");
        List<RatioChart.Row> rows = new ArrayList<>();
        for (Judgement judgement : result.judgements()) {
            rows.add(new RatioChart.Row(judgement.name(), judgement.overall().ratio(), judgement.overall().low(),
                    judgement.overall().high(), judgement.limit(), judgement.slower()));
        }
        page.append(RatioChart.svg(rows)).append("<table>\n<tr>");
        for (String header : HEADERS) {
            page.append("<th>").append(header).append("</th>");
        }
        page.append("</tr>\n");
        for (Judgement judgement : result.judgements()) {
            page.append(judgement.slower() ? "<tr class=\"fail\">" : "<tr>");
            for (String cell : cells(judgement, false)) {
                page.append("<td>").append(RatioChart.escape(cell)).append("</td>");
            }
            page.append("</tr>\n");
        }
        page.append("</table>\n<ul>\n");
        notes(result).forEach(note -> page.append("<li>").append(RatioChart.escape(note)).append("</li>\n"));
        return page.append("</ul>\n</body></html>\n").toString();
    }

    private static String header(GateResult result) {
        return String.format(Locale.ROOT, "Head %s against base %s. %d rounds (one fork of each side per workload and"
                        + " round: %d of every workload, then more of those still undecided while the budget lasted%s);"
                        + " %s; order seed %d; %s.",
                result.headLabel(), result.baseLabel(), result.rounds(), AbGate.MIN_PAIRS,
                result.outOfTime() ? ", until it ran out" : "", result.boundaries(), result.seed(),
                InterleavedRounds.clock(result.seconds() * 1_000_000_000L));
    }

    private static String[] cells(Judgement judgement, boolean markdown) {
        PairedRatio overall = judgement.overall();
        return new String[] {
            judgement.name(), judgement.boundary().family(),
            Quantities.format(judgement.baseMedian(), judgement.unit()),
            Quantities.format(judgement.headMedian(), judgement.unit()),
            ratio(overall.ratio()),
            Double.isFinite(overall.high()) ? "[" + ratio(overall.low()) + ", " + ratio(overall.high()) + "]" : "n/a",
            ratio(judgement.limit()),
            Double.isFinite(judgement.detectable())
                    ? String.format(Locale.ROOT, "≥ %.0f %%", (judgement.detectable() - 1) * 100) : "n/a",
            Integer.toString(overall.pairs()),
            markdown ? judgement.verdict().markdown() : judgement.verdict().label(),
        };
    }

    private static String ratio(double value) {
        return String.format(Locale.ROOT, "%.3f×", value);
    }

    private static List<String> notes(GateResult result) {
        List<String> notes = new ArrayList<>();
        result.missing().forEach(name -> notes.add("MISSING from head (fails; --allow-missing " + name
                + " if intended): " + name));
        result.allowed().forEach(name -> notes.add("missing from head, allowed: " + name));
        result.added().forEach(name -> notes.add("new in head, nothing to compare with: " + name));
        result.errors().forEach(error -> notes.add("FORK FAILED (fails): " + error));
        result.judgements().stream().filter(Judgement::undecided).forEach(j -> notes.add(String.format(Locale.ROOT,
                "UNDECIDED%s: %s at %.3f× over %d pairs could be neither ruled slower nor the same %s",
                result.strict() ? " (fails, STRICT=1)" : "", j.name(), j.overall().ratio(), j.pairs().size(),
                j.pairs().size() < AbGate.MAX_PAIRS
                        ? "before the budget ended; re-run, or AB_BUDGET=… for more rounds (what they buy: make"
                                + " benchmark-power AB_ONLY=" + j.name() + ")"
                        : "in the most pairs a run gives; re-run")));
        notes.addAll(result.work().lines());
        return notes;
    }
}
