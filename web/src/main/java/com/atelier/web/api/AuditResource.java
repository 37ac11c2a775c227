package com.atelier.web.api;

import com.atelier.governance.audit.AuditEntry;
import com.atelier.governance.audit.AuditExplorer;
import com.atelier.governance.audit.AuditRecord;
import com.atelier.governance.audit.AuditSearch;
import com.atelier.governance.audit.ChainVerifier;
import com.atelier.governance.failure.InvalidInputException;
import com.atelier.web.security.Caller;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * /api/v1/audit: compliance staff search the audit trail, verify its hash chains and export a range (CSV or JSON)
 * with the hashes an outside party needs to re-verify it (docs/audit.md describes the hash rule).
 */
@Path("/audit")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    static final List<String> COLUMNS = List.of("id", "chain", "sequence", "occurredAt", "actor", "action",
            "subjectType", "subjectId", "summary", "requestId", "clientIp", "previousHash", "entryHash");

    private Caller caller;
    private AuditExplorer explorer;

    public AuditResource() {
        // for CDI proxies
    }

    @Inject
    public AuditResource(Caller caller, AuditExplorer explorer) {
        this.caller = caller;
        this.explorer = explorer;
    }

    public record EntryView(long id, String chain, long sequence, Instant occurredAt, String actor, String action,
                            String subjectType, String subjectId, String summary, String requestId, String clientIp,
                            String previousHash, String entryHash) {
        static EntryView of(AuditEntry e) {
            AuditRecord r = e.record();
            return new EntryView(e.id(), r.chain(), r.sequence(), r.occurredAt(), r.actor(), r.action(),
                    r.subjectType(), r.subjectId(), r.summary(), r.requestId(), r.clientIp(), e.previousHash(),
                    e.entryHash());
        }
    }

    public record Page(List<EntryView> items, int page, int size, long total) {
    }

    public record ChainView(String chain, long entriesChecked, boolean intact,
                            ChainVerifier.BrokenLink firstBrokenLink) {
        static ChainView of(ChainVerifier.ChainReport report) {
            return new ChainView(report.chain(), report.entriesChecked(), report.intact(),
                    report.firstBrokenLink().orElse(null));
        }
    }

    public record Verification(boolean intact, List<ChainView> chains) {
    }

    @GET
    @Path("/entries")
    public Page search(@QueryParam("actor") String actor, @QueryParam("action") String action,
                       @QueryParam("subjectType") String subjectType, @QueryParam("subjectId") String subjectId,
                       @QueryParam("workspace") String workspace, @QueryParam("from") String from,
                       @QueryParam("to") String to, @QueryParam("page") @DefaultValue("0") int page,
                       @QueryParam("size") @DefaultValue("50") int size) {
        var found = explorer.search(caller.actor(), criteria(actor, action, subjectType, subjectId, workspace, from, to,
                page, size));
        return new Page(found.items().stream().map(EntryView::of).toList(), found.page(), found.size(),
                found.total());
    }

    @GET
    @Path("/verify")
    public Verification verify(@QueryParam("workspace") String workspace) {
        var chains = explorer.verify(caller.actor(), Optional.ofNullable(workspace));
        return new Verification(chains.stream().allMatch(ChainVerifier.ChainReport::intact),
                chains.stream().map(ChainView::of).toList());
    }

    /**
     * The matching entries, ordered by chain and sequence, as {@code format=csv} or {@code format=json}. Built in
     * memory before answering so that a refused or failed export never sends half a file with a 200.
     */
    @GET
    @Path("/export")
    @Produces({"text/csv", MediaType.APPLICATION_JSON, "application/problem+json"})
    public Response export(@QueryParam("format") @DefaultValue("csv") String format,
                           @QueryParam("actor") String actor, @QueryParam("action") String action,
                           @QueryParam("subjectType") String subjectType, @QueryParam("subjectId") String subjectId,
                           @QueryParam("workspace") String workspace, @QueryParam("from") String from,
                           @QueryParam("to") String to) {
        if (!format.equals("csv") && !format.equals("json")) {
            throw new InvalidInputException("format", "format is csv or json.");
        }
        AuditSearch search = criteria(actor, action, subjectType, subjectId, workspace, from, to, 0, 1);
        var out = new ByteArrayOutputStream();
        try {
            if (format.equals("csv")) {
                Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                writer.write(String.join(",", COLUMNS) + "\r\n");
                explorer.export(caller.actor(), search, entry -> csvLine(writer, EntryView.of(entry)));
                writer.flush();
            } else {
                try (JsonGenerator json = new JsonFactory().createGenerator(out)) {
                    json.writeStartArray();
                    explorer.export(caller.actor(), search, entry -> jsonEntry(json, EntryView.of(entry)));
                    json.writeEndArray();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String stamp = Instant.now().toString().replace(":", "");
        return Response.ok(out.toByteArray(), format.equals("csv") ? "text/csv; charset=UTF-8"
                        : MediaType.APPLICATION_JSON)
                .header("Content-Disposition", "attachment; filename=\"audit-" + stamp + "." + format + "\"")
                .build();
    }

    private static AuditSearch criteria(String actor, String action, String subjectType, String subjectId,
                                      String workspace, String from, String to, int page, int size) {
        return new AuditSearch(Optional.ofNullable(actor), Optional.ofNullable(action),
                Optional.ofNullable(subjectType), Optional.ofNullable(subjectId), Optional.ofNullable(workspace),
                instant("from", from), instant("to", to), page, size);
    }

    private static Optional<Instant> instant(String field, String value) {
        try {
            return Optional.ofNullable(value).filter(v -> !v.isBlank()).map(Instant::parse);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, field + " is an ISO-8601 instant, e.g. 2026-11-24T00:00:00Z.");
        }
    }

    private static void csvLine(Writer writer, EntryView e) {
        try {
            writer.write(String.join(",", List.of(Long.toString(e.id()), csv(e.chain()), Long.toString(e.sequence()),
                    e.occurredAt().toString(), csv(e.actor()), csv(e.action()), csv(e.subjectType()),
                    csv(e.subjectId()), csv(e.summary()), csv(e.requestId()), csv(e.clientIp()), e.previousHash(),
                    e.entryHash())) + "\r\n");
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** RFC 4180 quoting; an absent value is an empty field. */
    static String csv(String value) {
        if (value == null) {
            return "";
        }
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }

    private static void jsonEntry(JsonGenerator json, EntryView e) {
        try {
            json.writeStartObject();
            json.writeNumberField("id", e.id());
            json.writeStringField("chain", e.chain());
            json.writeNumberField("sequence", e.sequence());
            json.writeStringField("occurredAt", e.occurredAt().toString());
            json.writeStringField("actor", e.actor());
            json.writeStringField("action", e.action());
            json.writeStringField("subjectType", e.subjectType());
            json.writeStringField("subjectId", e.subjectId());
            json.writeStringField("summary", e.summary());
            json.writeStringField("requestId", e.requestId());
            json.writeStringField("clientIp", e.clientIp());
            json.writeStringField("previousHash", e.previousHash());
            json.writeStringField("entryHash", e.entryHash());
            json.writeEndObject();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
