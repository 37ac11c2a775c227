package com.atelier.web.api;

import com.atelier.governance.failure.InvalidInputException;
import com.atelier.governance.usage.UsageLine;
import com.atelier.governance.usage.UsageReport;
import com.atelier.web.security.Caller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

/** GET /api/v1/workspaces/{ws}/usage?from=&to= (UTC days, both included; default the last 30 days): admins only. */
@Path("/workspaces/{ws}/usage")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class UsageResource {

    private Caller caller;
    private UsageReport report;

    public UsageResource() {
        // for CDI proxies
    }

    @Inject
    public UsageResource(Caller caller, UsageReport report) {
        this.caller = caller;
        this.report = report;
    }

    public record Usage(String workspace, LocalDate from, LocalDate to, long images, double gpuSeconds,
                        List<UsageLine> lines) {
    }

    @GET
    public Usage usage(@PathParam("ws") String workspace, @QueryParam("from") String from, @QueryParam("to") String to) {
        LocalDate last = to == null ? LocalDate.now(ZoneOffset.UTC) : day("to", to);
        LocalDate first = from == null ? last.minusDays(29) : day("from", from);
        List<UsageLine> lines = report.usage(caller.actor(), workspace, first, last);
        return new Usage(workspace, first, last, lines.stream().mapToLong(UsageLine::images).sum(),
                lines.stream().mapToDouble(UsageLine::gpuSeconds).sum(), lines);
    }

    private static LocalDate day(String field, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, field + " is a day like 2026-11-24.");
        }
    }
}
