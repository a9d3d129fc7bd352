package dev.kakehashi.platform.web;

import jakarta.faces.context.FacesContext;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Loads what a page shows once per request, however often its expressions ask (a table asks per row
 * and per column). Kept in the request, so every new request reads fresh data; an action that changes
 * the data forgets it, so the page it renders shows the change.
 */
public final class PerRequest {

    private PerRequest() {
    }

    @SuppressWarnings("unchecked")
    public static <T> T get(String key, Supplier<T> load) {
        Map<String, Object> request = FacesContext.getCurrentInstance().getExternalContext().getRequestMap();
        String name = PerRequest.class.getName() + "." + key;
        Object value = request.get(name);
        if (value == null) {
            value = load.get();
            request.put(name, value);
        }
        return (T) value;
    }

    public static void forget(String... keys) {
        Map<String, Object> request = FacesContext.getCurrentInstance().getExternalContext().getRequestMap();
        for (String key : keys) {
            request.remove(PerRequest.class.getName() + "." + key);
        }
    }
}
