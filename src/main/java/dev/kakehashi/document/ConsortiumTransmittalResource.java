package dev.kakehashi.document;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import dev.kakehashi.platform.api.ApiTypes;
import dev.kakehashi.document.DocumentControlViews.TransmittalView;
import dev.kakehashi.platform.api.Fields;
import dev.kakehashi.platform.api.Idempotency;
import dev.kakehashi.platform.api.JsonBodies;
import dev.kakehashi.platform.api.PageRequest;
import dev.kakehashi.platform.api.Paged;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Transmittals of a consortium: sending my company's revisions, and listing what my company sent and received. */
@Tag(name = "Transmittals")
@Path("/consortia/{id}/transmittals")
@Produces(MediaType.APPLICATION_JSON)
public class ConsortiumTransmittalResource {

    static final int MAX_RECIPIENTS = 50;

    public record RevisionBody(@Schema(format = "uuid", maxLength = ApiTypes.ID_LENGTH) String documentId, @Schema(maxLength = ApiTypes.REVISION_LENGTH) String revision) {
    }

    public record TransmittalBody(@Schema(type = SchemaType.ARRAY, implementation = ApiTypes.CompanyAlias.class, maxItems = ConsortiumTransmittalResource.MAX_RECIPIENTS) List<String> recipients, Boolean allMembers, @Schema(maxItems = Transmittal.MAX_REVISIONS) List<RevisionBody> revisions, @Schema(implementation = TransmittalPurpose.class) String purpose, @Schema(maxLength = Transmittal.MESSAGE_LENGTH) String message,
                                  @Schema(format = "date-time", maxLength = ApiTypes.DATE_TIME_LENGTH) String dueAt) {
    }

    @Inject
    TransmittalService transmittals;

    @Inject
    DocumentControlPresenter presenter;

    @Inject
    Idempotency idempotency;

    @Context
    UriInfo uriInfo;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequestBody(required = true, content = @Content(
            schema = @Schema(implementation = TransmittalBody.class)))
    @Operation(operationId = "sendTransmittal", summary = "Transmit revisions of my company's documents to other members",
            description = "Numbered {CONSORTIUM}-TR-00001. Recipients: company aliases, or allMembers. Only then do they see those revisions. Honours Idempotency-Key.")
    @APIResponse(responseCode = "201", description = "Sent",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = TransmittalView.class)))
    @APIResponse(responseCode = "422", description = "Not my document, no such revision, not an active member, due date past")
    public Response send(@PathParam("id") String consortiumId, @HeaderParam(Idempotency.HEADER) String idempotencyKey, String body) {
        TransmittalBody request = JsonBodies.read(body, TransmittalBody.class);
        Fields fields = new Fields();
        TransmittalPurpose purpose = fields.oneOf("purpose", TransmittalPurpose.class, request.purpose(), true);
        String message = fields.text("message", request.message() == null ? "" : request.message(), false, Transmittal.MESSAGE_LENGTH);
        OffsetDateTime dueAt = fields.dateTime("dueAt", request.dueAt(), false);
        List<String> recipients = request.recipients() == null ? List.of() : request.recipients();
        if (recipients.size() > MAX_RECIPIENTS) {
            fields.reject("recipients", "names at most " + MAX_RECIPIENTS + " member companies");
            recipients = List.of();
        }
        for (int i = 0; i < recipients.size(); i++) {
            fields.text("recipients[" + i + "]", recipients.get(i), true, ApiTypes.ALIAS_LENGTH);
        }
        boolean all = Boolean.TRUE.equals(request.allMembers());
        if (recipients.isEmpty() && !all) {
            fields.reject("recipients", "name one or more member companies by alias, or set allMembers");
        }
        List<TransmittedRevision> revisions = new ArrayList<>();
        if (request.revisions() == null || request.revisions().isEmpty()) {
            fields.reject("revisions", "name at least one revision: [{\"documentId\": \"…\", \"revision\": \"A\"}]");
        } else if (request.revisions().size() > Transmittal.MAX_REVISIONS) {
            fields.reject("revisions", "a transmittal carries at most " + Transmittal.MAX_REVISIONS + " revisions");
        } else {
            for (int i = 0; i < request.revisions().size(); i++) {
                RevisionBody r = request.revisions().get(i);
                String documentId = fields.text("revisions[" + i + "].documentId", r == null ? null : r.documentId(), true, 36);
                String revision = fields.text("revisions[" + i + "].revision", r == null ? null : r.revision(), true, 4);
                if (documentId != null && revision != null) {
                    revisions.add(new TransmittedRevision(documentId, revision));
                }
            }
        }
        fields.throwIfInvalid();
        TransmittalService.Dispatch dispatch = new TransmittalService.Dispatch(recipients, all, revisions, purpose, message == null ? "" : message,
                dueAt == null ? null : dueAt.toInstant());
        return idempotency.create(idempotencyKey, "POST", uriInfo.getPath(), body, () -> {
            Transmittal sent = transmittals.send(consortiumId, dispatch);
            return new Idempotency.Created(uriInfo.getBaseUriBuilder().path("transmittals").path(sent.id()).build(), presenter.transmittal(sent),
                    sent.id());
        }, transmittals::visible);
    }

    @GET
    @Operation(operationId = "listTransmittals", summary = "Transmittals my company sent or received in this consortium, newest first", description = "direction=SENT|RECEIVED narrows the list.")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(type = SchemaType.ARRAY, implementation = TransmittalView.class)))
    public Response list(@PathParam("id") String consortiumId, @QueryParam("direction") @Parameter(schema = @Schema(implementation = TransmittalService.Direction.class)) String direction,
                         @QueryParam("page") String page, @QueryParam("size") String size, @QueryParam("cursor") String cursor) {
        Fields fields = new Fields();
        TransmittalService.Direction d = fields.oneOf("direction", TransmittalService.Direction.class, direction, false);
        fields.throwIfInvalid();
        PageRequest request = PageRequest.of(page, size, cursor);
        List<Transmittal> rows = transmittals.list(consortiumId, d, request);
        return Paged.ok(rows.stream().map(presenter::transmittal).toList(), transmittals.count(consortiumId, d), request, uriInfo,
                Paged.after(rows, TransmittalService::cursorAfter));
    }
}
