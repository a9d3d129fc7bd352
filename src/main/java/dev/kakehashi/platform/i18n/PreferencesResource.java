package dev.kakehashi.platform.i18n;

import dev.kakehashi.platform.api.ApiTypes;
import dev.kakehashi.platform.api.EntityTags;
import dev.kakehashi.platform.api.Problem;
import dev.kakehashi.platform.api.ProblemException;
import dev.kakehashi.platform.api.ProblemType;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Tag(name = "Me")
@Path("/me/preferences")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PreferencesResource {

    public record PreferencesBody(@NotNull @NotBlank @Schema(enumeration = {"en", "ja", "ko"}) String language, @NotNull @NotBlank @Schema(maxLength = ApiTypes.ZONE_LENGTH, example = "Asia/Tokyo") String timeZone) {
    }

    @Inject
    Preferences preferences;

    @GET
    @Operation(operationId = "getMyPreferences", summary = "My language and time zone", description = "Carries an ETag for If-Match on PUT.")
    @APIResponse(responseCode = "200", description = "The caller's preferences",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PreferencesBody.class)))
    public Response mine() {
        return respond(preferences.mine());
    }

    @PUT
    @Operation(operationId = "changeMyPreferences", summary = "Change my language (en, ja, ko) and time zone (an IANA zone such as Asia/Tokyo)",
            description = "If-Match is the ETag of GET /me/preferences. Pages and e-mails use them from the next request.")
    @APIResponse(responseCode = "200", description = "Changed",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PreferencesBody.class)))
    @APIResponse(responseCode = "400", description = "Unknown language or time zone")
    @APIResponse(responseCode = "412", description = "If-Match is stale")
    public Response change(@HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull PreferencesBody body) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Language language = Language.of(body.language()).orElse(null);
        if (language == null) {
            errors.add(new Problem.FieldError("language", "must be one of en, ja, ko"));
        }
        ZoneId zone = null;
        try {
            zone = ZoneId.of(body.timeZone());
        } catch (DateTimeException e) {
            errors.add(new Problem.FieldError("timeZone", "is not a known time zone"));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.INVALID_REQUEST, "One or more fields are invalid", errors);
        }
        return respond(preferences.change(language, zone, dev.kakehashi.platform.api.IfMatch.of(ifMatch)));
    }

    private static Response respond(Preferences.Current current) {
        return Response.ok(new PreferencesBody(current.language().code(), current.timeZone().getId()))
                .tag(EntityTags.of(current.version()))
                .build();
    }
}
