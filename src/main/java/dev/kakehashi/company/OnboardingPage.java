package dev.kakehashi.company;

import dev.kakehashi.platform.api.ProblemException;
import dev.kakehashi.platform.web.Actions;
import dev.kakehashi.platform.web.Messages;
import dev.kakehashi.platform.web.PerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The platform operator's page: onboarded companies with their status, and the onboarding form. */
@Named
@RequestScoped
public class OnboardingPage {

    @Inject
    Onboarding onboarding;

    @Inject
    CompanyDirectory companies;

    private String alias;
    private String nameEn;
    private String nameLocal;
    private String localLanguage = "ja";
    private String kind = "TRADING_HOUSE";
    private String country;
    private String domains;
    private String adminEmail;

    public List<Company> getCompanies() {
        return PerRequest.get("companies", companies::all);
    }

    public String statusOf(Company company) {
        return companies.hasSignedInPeople(company) ? "ACTIVE" : "ONBOARDING";
    }

    public List<CompanyKind> getKinds() {
        return List.of(CompanyKind.values());
    }

    public String onboard() {
        try {
            Map<String, String> names = new LinkedHashMap<>();
            names.put("en", nameEn);
            if (nameLocal != null && !nameLocal.isBlank()) {
                names.put(localLanguage, nameLocal);
            }
            List<String> domainList = domains == null ? List.of() : Arrays.stream(domains.split("[,\\s]+")).filter(d -> !d.isBlank()).toList();
            Onboarding.Onboarded result = onboarding.onboard(OnboardingResource.application(new OnboardingResource.CompanyBody(
                    alias, names, kind, country == null ? null : country.strip().toUpperCase(java.util.Locale.ROOT), null, domainList, adminEmail)));
            Messages.info(result.created() ? "onboarding.done" : "onboarding.already", result.company().alias(), adminEmail);
            return Actions.reload();
        } catch (ProblemException e) {
            Messages.error(e);
            return null;
        }
    }

    public String getAlias() { return alias; }
    public void setAlias(String alias) { this.alias = alias; }
    public String getNameEn() { return nameEn; }
    public void setNameEn(String nameEn) { this.nameEn = nameEn; }
    public String getNameLocal() { return nameLocal; }
    public void setNameLocal(String nameLocal) { this.nameLocal = nameLocal; }
    public String getLocalLanguage() { return localLanguage; }
    public void setLocalLanguage(String localLanguage) { this.localLanguage = localLanguage; }
    public String getKind() { return kind; }
    public void setKind(String kind) { this.kind = kind; }
    public String getCountry() { return country; }
    public void setCountry(String country) { this.country = country; }
    public String getDomains() { return domains; }
    public void setDomains(String domains) { this.domains = domains; }
    public String getAdminEmail() { return adminEmail; }
    public void setAdminEmail(String adminEmail) { this.adminEmail = adminEmail; }
}
