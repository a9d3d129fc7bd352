package dev.kakehashi.document;

import dev.kakehashi.platform.api.EntityTags;
import dev.kakehashi.platform.api.IfMatch;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** One transmittal, for its sender and its recipients; nobody else learns that it exists. */
@Tag(name = "Transmittals")
@Path("/transmittals")
@Produces(MediaType.APPLICATION_JSON)
public class TransmittalResource {

    @Inject
    TransmittalService transmittals;

    @Inject
    DocumentControlPresenter presenter;

    @GET
    @Path("{id}")
    @Operation(operationId = "getTransmittal", summary = "One transmittal with its revisions and who acknowledged it", description = "404 unless my company sent it or is among its recipients.")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = DocumentControlViews.TransmittalView.class)))
    public Response get(@PathParam("id") String id) {
        Transmittal transmittal = transmittals.visible(id);
        return Response.ok(presenter.transmittal(transmittal)).tag(EntityTags.of(transmittal.version())).build();
    }

    @POST
    @Path("{id}/acknowledge")
    @Operation(operationId = "acknowledgeTransmittal", summary = "Acknowledge receipt for my company", description = "Once per recipient company; If-Match required.")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = DocumentControlViews.TransmittalView.class)))
    public Response acknowledge(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        Transmittal transmittal = transmittals.acknowledge(id, IfMatch.of(ifMatch));
        return Response.ok(presenter.transmittal(transmittal)).tag(EntityTags.of(transmittal.version())).build();
    }
}
