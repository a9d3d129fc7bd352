package dev.kakehashi.platform.web;

import dev.kakehashi.platform.api.ProblemException;
import jakarta.faces.context.FacesContext;

/**
 * The one way a page carries out a change: run it; if it is refused, show why (in the person's language)
 * and stay on the page with what was typed; if it is done, show that and load the page afresh by
 * post-redirect-get with its view parameters, so that a reload never repeats the change and the address
 * still names the page's subject.
 */
public final class Actions {

    private Actions() {
    }

    /** A change; {@code done} is the bundle key of its success message (or null for none). */
    public static String change(Runnable change, String done, Object... args) {
        try {
            change.run();
        } catch (ProblemException e) {
            Messages.error(e);
            return null;
        }
        if (done != null) {
            Messages.info(done, args);
        }
        return reload();
    }

    /** A change whose success message names something it made ({@code Revision {0} added}). */
    public static <T> String change(java.util.function.Supplier<T> change, String done, java.util.function.Function<T, Object> argument) {
        T made;
        try {
            made = change.get();
        } catch (ProblemException e) {
            Messages.error(e);
            return null;
        }
        Messages.info(done, argument.apply(made));
        return reload();
    }

    /** The outcome that loads the current page again, with its view parameters, keeping the messages. */
    public static String reload() {
        FacesContext faces = FacesContext.getCurrentInstance();
        faces.getExternalContext().getFlash().setKeepMessages(true);
        return faces.getViewRoot().getViewId() + "?faces-redirect=true&includeViewParams=true";
    }

    /** The outcome that opens another page after a change, keeping the messages: {@code /consortium.xhtml?id=…}. */
    public static String open(String viewIdWithQuery) {
        FacesContext faces = FacesContext.getCurrentInstance();
        faces.getExternalContext().getFlash().setKeepMessages(true);
        return viewIdWithQuery + (viewIdWithQuery.contains("?") ? "&" : "?") + "faces-redirect=true";
    }
}
