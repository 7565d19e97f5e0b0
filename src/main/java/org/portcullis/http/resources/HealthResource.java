package org.portcullis.http.resources;

import com.codahale.metrics.annotation.Timed;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.portcullis.api.EndpointTimers;
import org.portcullis.api.HealthReport;

import java.time.Clock;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * GET /health for load balancers: 200 while the instance should get requests, 503 otherwise: while it is
 * starting (until its pool and caller-cache feed are up), once its database is down, and from the moment it
 * was told to stop (SIGTERM) while it drains. Both come from the health module's state (the critical
 * {@code database} check is scheduled, down only after failures in a row), so this and the admin
 * /health-check never disagree, and a request here costs no query. The body's {@code checks.database} says
 * whether the database is the reason.
 */
@Path("/health")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "health")
public final class HealthResource {
    private final BooleanSupplier inRotation;
    private final BooleanSupplier databaseUp;
    private final String version;
    private final Clock clock;

    public HealthResource(BooleanSupplier inRotation, BooleanSupplier databaseUp, String version, Clock clock) {
        this.inRotation = inRotation;
        this.databaseUp = databaseUp;
        this.version = version;
        this.clock = clock;
    }

    @GET
    @Timed(name = EndpointTimers.HEALTH, absolute = true)
    @Operation(summary = "Service and database health", responses = {
            @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = HealthReport.class))),
            @ApiResponse(responseCode = "503", content = @Content(schema = @Schema(implementation = HealthReport.class)))})
    public Response health() {
        boolean database = databaseUp.getAsBoolean();
        boolean serving = database && inRotation.getAsBoolean();
        HealthReport report = new HealthReport(serving ? "healthy" : "unhealthy", clock.instant(), version,
                Map.of("database", new HealthReport.Check(database ? "up" : "down")));
        return Response.status(serving ? 200 : 503).entity(report).build();
    }
}
