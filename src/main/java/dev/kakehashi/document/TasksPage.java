package dev.kakehashi.document;

import dev.kakehashi.document.DocumentControlViews.TaskView;
import dev.kakehashi.platform.web.PerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** "My tasks": reviews that wait for my decision and transmittals that wait for my company's acknowledgement. */
@Named
@RequestScoped
public class TasksPage {

    @Inject
    MyTasks tasks;

    public List<TaskView> getTasks() {
        return PerRequest.get("tasks", tasks::list);
    }
}
