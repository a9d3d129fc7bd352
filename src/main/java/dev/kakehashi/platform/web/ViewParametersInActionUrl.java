package dev.kakehashi.platform.web;

import jakarta.faces.application.ViewHandler;
import jakarta.faces.application.ViewHandlerWrapper;
import jakarta.faces.component.UIViewParameter;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewMetadata;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * A form posts back to its page with the page's view parameters ({@code ?id=…}), so that the address
 * the browser shows after a postback still names what the page shows: reload, bookmark and share work,
 * and a request-scoped page knows its subject from the first phase of the postback on.
 */
public class ViewParametersInActionUrl extends ViewHandlerWrapper {

    public ViewParametersInActionUrl(ViewHandler wrapped) {
        super(wrapped);
    }

    @Override
    public String getActionURL(FacesContext context, String viewId) {
        String url = getWrapped().getActionURL(context, viewId);
        if (context.getViewRoot() == null || !viewId.equals(context.getViewRoot().getViewId())) {
            return url;
        }
        StringBuilder query = new StringBuilder();
        for (UIViewParameter parameter : ViewMetadata.getViewParameters(context.getViewRoot())) {
            String value = parameter.getStringValue(context);
            if (parameter.getName() != null && value != null && !value.isEmpty()) {
                query.append(query.length() == 0 ? "" : "&").append(URLEncoder.encode(parameter.getName(), StandardCharsets.UTF_8))
                        .append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        }
        if (query.length() == 0) {
            return url;
        }
        return url + (url.contains("?") ? "&" : "?") + query;
    }
}
