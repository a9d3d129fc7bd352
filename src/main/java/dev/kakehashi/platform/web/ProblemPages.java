package dev.kakehashi.platform.web;

import dev.kakehashi.platform.api.Outages;
import dev.kakehashi.platform.api.ProblemException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import java.io.IOException;
import java.util.Iterator;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * What a page shows when it cannot show what was asked: a subject the person may not see, or that does
 * not exist, answers the translated not-found page with HTTP 404 (exactly alike, as the API's 404 does),
 * a role that does not allow it the forbidden page with 403, a database or store that does not answer
 * the unavailable page with 503, and a form that is no form of this page (its nonce does not match) the
 * refused page with 400. None of these is an error of the server's, so none is logged as one.
 */
public class ProblemPages extends ExceptionHandlerFactory {

    private static final Logger LOG = Logger.getLogger(ProblemPages.class.getName());

    public ProblemPages(ExceptionHandlerFactory wrapped) {
        super(wrapped);
    }

    @Override
    public ExceptionHandler getExceptionHandler() {
        return new Handler(getWrapped().getExceptionHandler());
    }

    /** The HTTP status a failure of a page stands for, when it is one the person caused or a dependency did. */
    static Optional<Integer> statusOf(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause.getClass().getName().equals("org.primefaces.csp.CspException")) {
                return Optional.of(400); // a form not of the page it claims to be (forged, or from another session)
            }
            if (cause instanceof ProblemException problem) {
                int status = problem.problem().status();
                return status == 404 || status == 403 || status == 503 ? Optional.of(status) : Optional.empty();
            }
        }
        return Outages.of(failure).map(dependency -> 503);
    }

    static final java.util.Map<Integer, String> PAGES = java.util.Map.of(400, "/refused.xhtml", 404, "/not-found.xhtml", 403, "/forbidden.xhtml",
            503, "/unavailable.xhtml");

    static final class Handler extends ExceptionHandlerWrapper {

        Handler(ExceptionHandler wrapped) {
            super(wrapped);
        }

        @Override
        public void handle() {
            FacesContext faces = FacesContext.getCurrentInstance();
            for (Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator(); events.hasNext(); ) {
                Throwable failure = events.next().getContext().getException();
                Optional<Integer> status = statusOf(failure);
                if (status.isEmpty() || faces.getExternalContext().isResponseCommitted()) {
                    continue;
                }
                events.remove();
                LOG.fine(() -> "Page " + faces.getExternalContext().getRequestServletPath() + " answered " + status.get() + ": " + failure);
                try {
                    if (faces.getPartialViewContext().isAjaxRequest()) {
                        // An ajax request cannot show an error page; the browser is sent to it.
                        faces.getExternalContext().redirect(faces.getExternalContext().getRequestContextPath() + PAGES.get(status.get()));
                    } else {
                        faces.getExternalContext().responseReset();
                        faces.getExternalContext().responseSendError(status.get(), null);
                    }
                } catch (IOException e) {
                    LOG.fine(() -> "Could not send " + status.get() + ": " + e);
                }
                faces.responseComplete();
            }
            getWrapped().handle();
        }
    }
}
