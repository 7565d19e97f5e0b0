package org.portcullis.http;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.portcullis.api.AuditEventView;
import org.portcullis.api.ErrorResponse;
import org.portcullis.api.Normalize;
import org.portcullis.service.AuditTrail;

import java.io.IOException;
import java.util.List;

/**
 * Admin {@code GET /audit?email=…&limit=…}: the newest audit events as JSON, of one account (its email,
 * normalised as the API does) or of everyone; {@code limit} defaults to 100, at most {@code audit.maxPage}.
 * The admin port only: the trail names addresses and emails.
 */
public final class AuditPage extends HttpServlet {
    static final int DEFAULT_LIMIT = 100;

    private final transient AuditTrail audit;
    private final transient ObjectMapper mapper;
    private final int maxPage;

    public AuditPage(AuditTrail audit, ObjectMapper mapper, int maxPage) {
        this.audit = audit;
        this.mapper = mapper;
        this.maxPage = maxPage;
    }

    record Page(@JsonProperty("events") List<AuditEventView> events, @JsonProperty("count") int count) {
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        Integer limit = limit(request.getParameter("limit"));
        if (limit == null) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            mapper.writeValue(response.getOutputStream(),
                    ErrorResponse.of(400, "limit must be a whole number from 1 to " + maxPage));
            return;
        }
        String email = request.getParameter("email");
        List<AuditEventView> events = audit.search(email == null ? null : Normalize.email(email), limit).stream()
                .map(AuditEventView::of).toList();
        response.setStatus(HttpServletResponse.SC_OK);
        mapper.writeValue(response.getOutputStream(), new Page(events, events.size()));
    }

    private Integer limit(String text) {
        if (text == null) {
            return Math.min(DEFAULT_LIMIT, maxPage);
        }
        try {
            int limit = Integer.parseInt(text);
            return limit >= 1 && limit <= maxPage ? limit : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
