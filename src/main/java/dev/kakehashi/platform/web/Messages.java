package dev.kakehashi.platform.web;

import dev.kakehashi.platform.api.Problem;
import dev.kakehashi.platform.api.ProblemException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Shows outcomes on a page in the person's language: a refused change appears as the rule it broke
 * ({@code rule.<name>} in the bundles), or its problem type ({@code problem.<slug>}).
 */
public final class Messages {

    private Messages() {
    }

    public static String text(String key) {
        FacesContext faces = FacesContext.getCurrentInstance();
        Locale locale = faces.getViewRoot() == null ? Locale.ENGLISH : faces.getViewRoot().getLocale();
        try {
            return ResourceBundle.getBundle("i18n.messages", locale).getString(key);
        } catch (MissingResourceException e) {
            return null;
        }
    }

    public static void info(String key, Object... args) {
        add(FacesMessage.SEVERITY_INFO, key, args);
    }

    /** Input the page itself refuses before anything is asked of the domain. */
    public static void warn(String key, Object... args) {
        add(FacesMessage.SEVERITY_WARN, key, args);
        FacesContext.getCurrentInstance().validationFailed();
    }

    private static void add(FacesMessage.Severity severity, String key, Object... args) {
        String text = text(key);
        if (text != null && args.length > 0) {
            text = new java.text.MessageFormat(text, FacesContext.getCurrentInstance().getViewRoot().getLocale()).format(args);
        }
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, text, null));
    }

    /** The translated texts of what a problem names: each broken rule, or else the problem's type. */
    public static List<String> of(Problem problem) {
        if (problem.errors() != null && !problem.errors().isEmpty()) {
            return problem.errors().stream().map(Messages::of).distinct().toList();
        }
        String slug = problem.type().getPath().substring(problem.type().getPath().lastIndexOf('/') + 1);
        String text = text("problem." + slug);
        return List.of(text != null ? text : problem.detail());
    }

    public static String of(Problem.FieldError error) {
        String text = error.rule() == null ? null : text("rule." + error.rule());
        return text != null ? text + " (" + error.field() + ")" : error.field() + ": " + error.message();
    }

    public static void error(ProblemException e) {
        for (String text : of(e.problem())) {
            FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
        }
        FacesContext.getCurrentInstance().validationFailed();
    }
}
