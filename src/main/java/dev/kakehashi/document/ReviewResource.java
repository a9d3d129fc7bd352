package dev.kakehashi.document;

import dev.kakehashi.platform.api.EntityTags;
import dev.kakehashi.platform.api.Fields;
import dev.kakehashi.platform.api.IfMatch;
import dev.kakehashi.platform.api.JsonBodies;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
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
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A review workflow: its state, ball in court, and the reviewers' decisions. */
@Tag(name = "Reviews")
@Path("/reviews")
@Produces(MediaType.APPLICATION_JSON)
public class ReviewResource {

    @Schema(name = "ReviewDecisionBody")
    public record DecisionBody(@Schema(implementation = ReviewDecision.class) String decision, @Schema(maxLength = Review.COMMENT_LENGTH) String comment) {
    }

    @Inject
    ReviewService reviews;

    @Inject
    DocumentControlPresenter presenter;

    @GET
    @Path("{id}")
    @Operation(operationId = "getReview", summary = "One review: steps, decisions, ball in court, overdue", description = "For the document's owner company and the reviewers' companies.")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = DocumentControlViews.ReviewView.class)))
    public Response get(@PathParam("id") String id) {
        Review review = reviews.visible(id);
        return Response.ok(presenter.review(review)).tag(EntityTags.of(review.version())).build();
    }

    @POST
    @Path("{id}/decisions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequestBody(required = true, content = @Content(
            schema = @Schema(implementation = DecisionBody.class)))
    @Operation(operationId = "decideReview", summary = "Decide as a reviewer of the current step", description = "APPROVE, APPROVE_WITH_COMMENTS or RETURN (the last two with a comment). If-Match required; a reviewer decides once.")
    @APIResponse(responseCode = "200", description = "Decided: the review as it now stands",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = DocumentControlViews.ReviewView.class)))
    @APIResponse(responseCode = "403", description = "Not a reviewer of this review")
    @APIResponse(responseCode = "409", description = "Already decided")
    @APIResponse(responseCode = "412", description = "The review changed since it was read")
    @APIResponse(responseCode = "422", description = "Not the reviewer's step yet, the review has ended, or a comment is missing")
    @APIResponse(responseCode = "428", description = "If-Match missing")
    public Response decide(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, String body) {
        DecisionBody request = JsonBodies.read(body, DecisionBody.class);
        Fields fields = new Fields();
        ReviewDecision decision = fields.oneOf("decision", ReviewDecision.class, request.decision(), true);
        String comment = fields.text("comment", request.comment(), false, Review.COMMENT_LENGTH);
        fields.throwIfInvalid();
        Review review = reviews.decide(id, decision, comment, IfMatch.of(ifMatch));
        return Response.ok(presenter.review(review)).tag(EntityTags.of(review.version())).build();
    }
}
