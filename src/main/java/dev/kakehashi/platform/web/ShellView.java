package dev.kakehashi.platform.web;

import dev.kakehashi.company.Company;
import dev.kakehashi.platform.api.IfMatch;
import dev.kakehashi.platform.i18n.Language;
import dev.kakehashi.platform.i18n.Preferences;
import dev.kakehashi.platform.security.Caller;
import dev.kakehashi.platform.security.CallerContext;
import dev.kakehashi.platform.security.Role;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;

/**
 * What every page shows about the signed-in person: name, company, roles, language and time zone,
 * and the switches for the last two (remembered in the person's preferences).
 */
@Named("shell")
@RequestScoped
public class ShellView {

    /** The time zones of the employers Kakehashi's tenders come from, shown beside the person's own. */
    static final List<ZoneId> TENDER_ZONES = List.of(
            ZoneId.of("Asia/Kolkata"), ZoneId.of("Asia/Ho_Chi_Minh"), ZoneId.of("Asia/Jakarta"));

    /** A time in one zone, ready to show. */
    public record ZonedTime(String zone, String label, String time) {
    }

    @Inject
    CallerContext context;

    @Inject
    Preferences preferences;

    @Inject
    Clock clock;

    private Preferences.Current current;
    private String selectedZone;

    /** Where the operator's choices live: it has no company to keep preferences under, so its session keeps them. */
    static final String OPERATOR_PREFERENCES = ShellView.class.getName() + ".operatorPreferences";

    private Preferences.Current current() {
        if (current == null) {
            if (isOperator()) {
                Object kept = FacesContext.getCurrentInstance().getExternalContext().getSessionMap().get(OPERATOR_PREFERENCES);
                current = kept instanceof Preferences.Current c ? c : new Preferences.Current(Language.EN, Preferences.DEFAULT_ZONE, 0);
            } else {
                current = preferences.mine();
            }
        }
        return current;
    }

    private void change(Language language, ZoneId zone) {
        if (isOperator()) {
            FacesContext.getCurrentInstance().getExternalContext().getSessionMap().put(OPERATOR_PREFERENCES,
                    new Preferences.Current(language, zone, current().version() + 1));
        } else {
            preferences.change(language, zone, IfMatch.version(current().version()));
        }
        current = null;
    }

    public Caller getCaller() {
        return context.caller();
    }

    public Company getCompany() {
        return context.company();
    }

    /** The operator has no company: its header names its role instead. */
    public String getCompanyName() {
        return isOperator() ? Messages.text("role.platform-operator") : context.company().nameIn(getLocale());
    }

    public boolean isOperator() {
        return context.caller().isOperator();
    }

    public String getCountryName() {
        return new Locale("", context.company().country()).getDisplayCountry(getLocale());
    }

    public List<String> getRoleKeys() {
        return context.caller().roles().stream().sorted().map(r -> "role." + r.claimValue()).toList();
    }

    public boolean hasRole(String role) {
        return Role.fromClaim(role).map(context.caller()::has).orElse(false);
    }

    /** The person's language; before anyone is known (an error page), the browser's, if it is one of ours. */
    public Locale getLocale() {
        if (context.isAuthenticated()) {
            return current().language().locale();
        }
        FacesContext faces = FacesContext.getCurrentInstance();
        if (faces != null) {
            for (Iterator<Locale> wanted = faces.getExternalContext().getRequestLocales(); wanted.hasNext(); ) {
                Optional<Language> language = Language.of(wanted.next().getLanguage());
                if (language.isPresent()) {
                    return language.get().locale();
                }
            }
        }
        return Locale.ENGLISH;
    }

    public String getLanguage() {
        return getLocale().getLanguage();
    }

    public List<Language> getLanguages() {
        return List.of(Language.values());
    }

    public String getTimeZone() {
        return current().timeZone().getId();
    }

    public String getSelectedZone() {
        return selectedZone == null ? getTimeZone() : selectedZone;
    }

    public void setSelectedZone(String selectedZone) {
        this.selectedZone = selectedZone;
    }

    public List<String> getZones() {
        return ZoneId.getAvailableZoneIds().stream().filter(z -> z.contains("/") || z.equals("UTC")).sorted().toList();
    }

    public ZonedTime getNow() {
        return at(current().timeZone(), "clock.yours");
    }

    public List<ZonedTime> getTenderTimes() {
        return TENDER_ZONES.stream().map(z -> at(z, "zone." + z.getId())).toList();
    }

    private ZonedTime at(ZoneId zone, String labelKey) {
        DateTimeFormatter format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(getLocale());
        String label = ResourceBundle.getBundle("i18n.messages", getLocale()).getString(labelKey);
        return new ZonedTime(zone.getId(), label, ZonedDateTime.now(clock.withZone(zone)).format(format));
    }

    /** A time as the employer states it, in the tender's own zone with its offset. */
    public String inZone(java.time.Instant instant, ZoneId zone) {
        return instant == null ? "" : DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm xxx", getLocale()).format(instant.atZone(zone))
                + " (" + zone.getId() + ")";
    }

    /** The same time in the person's own zone. */
    public String inMyZone(java.time.Instant instant) {
        return instant == null ? "" : inZone(instant, current().timeZone());
    }

    public void switchLanguage(String code) throws IOException {
        Optional<Language> language = Language.of(code);
        if (language.isPresent()) {
            change(language.get(), current().timeZone());
        }
        reload();
    }

    public void saveTimeZone() throws IOException {
        if (selectedZone != null && ZoneId.getAvailableZoneIds().contains(selectedZone)) {
            change(current().language(), ZoneId.of(selectedZone));
        }
        reload();
    }

    private static void reload() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        var external = faces.getExternalContext();
        external.redirect(external.getRequestContextPath() + faces.getViewRoot().getViewId());
    }
}
