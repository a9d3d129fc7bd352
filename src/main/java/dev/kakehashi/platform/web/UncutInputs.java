package dev.kakehashi.platform.web;

import jakarta.faces.component.UIComponent;
import jakarta.faces.component.UIInput;
import jakarta.faces.context.FacesContext;
import org.primefaces.component.inputtext.InputTextRenderer;
import org.primefaces.component.inputtextarea.InputTextareaRenderer;

/**
 * PrimeFaces cuts a submitted text at the field's maxlength before anything validates it, so that a longer
 * text (pasted past the browser, or sent by a script) would be saved shortened without a word. These renderers
 * keep what was sent whole: the field's length validator then refuses it with a message next to the field,
 * and the page shows it again as it was typed (see faces-config.xml).
 */
public final class UncutInputs {

    private UncutInputs() {
    }

    /** What {@code input} was sent, when PrimeFaces shortened it; null otherwise. */
    static String whole(FacesContext context, UIInput input, boolean textarea) {
        if (!(input.getSubmittedValue() instanceof String kept)) {
            return null;
        }
        String sent = context.getExternalContext().getRequestParameterMap().get(input.getClientId(context));
        if (sent == null) {
            return null;
        }
        String whole = textarea ? sent.replaceAll("\\r\\n?", "\n") : sent;
        return whole.length() > kept.length() ? whole : null;
    }

    public static class Text extends InputTextRenderer {
        @Override
        public void decode(FacesContext context, UIComponent component) {
            super.decode(context, component);
            String whole = whole(context, (UIInput) component, false);
            if (whole != null) {
                ((UIInput) component).setSubmittedValue(whole);
            }
        }
    }

    public static class TextArea extends InputTextareaRenderer {
        @Override
        public void decode(FacesContext context, UIComponent component) {
            super.decode(context, component);
            String whole = whole(context, (UIInput) component, true);
            if (whole != null) {
                ((UIInput) component).setSubmittedValue(whole);
            }
        }
    }
}
