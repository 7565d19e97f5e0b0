package org.portcullis.guard;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Admin {@code GET /latency}: every budgeted endpoint's window as JSON, for an operator asking "which
 * endpoint is slow, and by how much" without reading health-check messages. Times in milliseconds.
 */
final class LatencyPage extends HttpServlet {
    private static final double NANOS_PER_MS = 1e6;

    private final transient List<EndpointBudget> budgets;
    private final transient ObjectMapper mapper;
    private final String window;
    private final int minRequests;

    LatencyPage(List<EndpointBudget> budgets, ObjectMapper mapper, String window, int minRequests) {
        this.budgets = List.copyOf(budgets);
        this.mapper = mapper;
        this.window = window;
        this.minRequests = minRequests;
    }

    record Budget(@JsonProperty("mean_ms") double meanMs, @JsonProperty("p99_ms") double p99Ms) {
    }

    record Endpoint(@JsonProperty("count") int count, @JsonProperty("mean_ms") double meanMs,
                    @JsonProperty("p50_ms") double p50Ms, @JsonProperty("p99_ms") double p99Ms,
                    @JsonProperty("budget") Budget budget, @JsonProperty("state") BudgetState state) {
        static Endpoint of(BudgetVerdict verdict) {
            return new Endpoint(verdict.requests(), verdict.meanNanos() / NANOS_PER_MS,
                    verdict.p50Nanos() / NANOS_PER_MS, verdict.p99Nanos() / NANOS_PER_MS,
                    new Budget(verdict.meanBudgetNanos() / NANOS_PER_MS, verdict.p99BudgetNanos() / NANOS_PER_MS),
                    verdict.state());
        }
    }

    record Page(@JsonProperty("window") String window, @JsonProperty("min_requests") int minRequests,
                @JsonProperty("endpoints") Map<String, Endpoint> endpoints) {
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Map<String, Endpoint> endpoints = new LinkedHashMap<>();
        for (EndpointBudget budget : budgets) {
            endpoints.put(budget.endpoint(), Endpoint.of(budget.judge()));
        }
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        mapper.writeValue(response.getOutputStream(), new Page(window, minRequests, endpoints));
    }
}
