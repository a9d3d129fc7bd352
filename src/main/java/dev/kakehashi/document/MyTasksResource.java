package dev.kakehashi.document;

import dev.kakehashi.document.DocumentControlViews.TaskView;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Tag(name = "Me")
@Path("/me/tasks")
@Produces(MediaType.APPLICATION_JSON)
public class MyTasksResource {

    @Inject
    MyTasks tasks;

    @GET
    @Operation(operationId = "listMyTasks", summary = "My tasks: review decisions I owe now, and transmittals to my company awaiting acknowledgement", description = "Soonest due first.")
    public List<TaskView> list() {
        return tasks.list();
    }
}
