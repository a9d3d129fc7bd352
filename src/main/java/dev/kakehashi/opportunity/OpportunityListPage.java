package dev.kakehashi.opportunity;

import dev.kakehashi.platform.api.PageRequest;
import dev.kakehashi.platform.api.ProblemException;
import dev.kakehashi.platform.security.CallerContext;
import dev.kakehashi.platform.security.Role;
import dev.kakehashi.platform.web.Actions;
import dev.kakehashi.platform.web.Messages;
import dev.kakehashi.platform.web.PerRequest;
import jakarta.faces.context.FacesContext;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.ArrayList;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/** The tenders list with its filters (country, sector, stage). */
@Named
@ViewScoped
public class OpportunityListPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    OpportunityService opportunities;

    @Inject
    CallerContext context;

    private Country country;
    private Sector sector;
    private Stage stage;

    /** The new-tender form; the deadline is entered in the employer's time zone, as tender documents state it. */
    private String newTitle;
    private Country newCountry = Country.VN;
    private Sector newSector = Sector.POWER;
    private String newEmployer;
    private List<String> newFunding = new ArrayList<>();
    private BigDecimal newAmount;
    private Currency newCurrency = Currency.USD;
    private ProcurementMethod newMethod = ProcurementMethod.SINGLE_STAGE_TWO_ENVELOPE;
    private LocalDateTime newDueLocal;
    private String newZone = "Asia/Ho_Chi_Minh";

    public boolean isMayRecord() {
        return context.caller().has(Role.BID_MANAGER);
    }

    public String record() {
        try {
            EnumSet<FundingSource> funding = EnumSet.noneOf(FundingSource.class);
            newFunding.forEach(f -> funding.add(FundingSource.valueOf(f)));
            ZoneId zone = ZoneId.of(newZone);
            Opportunity created = opportunities.record(new Opportunity.Details(newTitle.strip(), newCountry, newSector, newEmployer.strip(), funding,
                    newAmount == null ? null : new Money(newAmount, newCurrency), newMethod, newDueLocal.atZone(zone).toInstant(), zone));
            return Actions.open("/opportunity.xhtml?id=" + created.id());
        } catch (ProblemException e) {
            Messages.error(e);
            return null;
        }
    }

    public List<String> getTenderZones() {
        return java.util.Arrays.stream(Country.values()).flatMap(c -> c.zones().stream()).toList();
    }

    public FundingSource[] getFundingSources() {
        return FundingSource.values();
    }

    public Currency[] getCurrencies() {
        return Currency.values();
    }

    public ProcurementMethod[] getMethods() {
        return ProcurementMethod.values();
    }

    public List<Opportunity> getOpportunities() {
        return PerRequest.get("opportunities", () ->
                opportunities.list(new OpportunityService.Filter(country, sector, stage), new PageRequest(0, PageRequest.MAX_SIZE)));
    }

    public String owner(Opportunity opportunity) {
        return opportunities.ownerAlias(opportunity);
    }

    public Country[] getCountries() {
        return Country.values();
    }

    public Sector[] getSectors() {
        return Sector.values();
    }

    public Stage[] getStages() {
        return Stage.values();
    }

    public Country getCountry() {
        return country;
    }

    public void setCountry(Country country) {
        this.country = country;
        PerRequest.forget("opportunities");
    }

    public Sector getSector() {
        return sector;
    }

    public void setSector(Sector sector) {
        this.sector = sector;
        PerRequest.forget("opportunities");
    }

    public Stage getStage() {
        return stage;
    }

    public void setStage(Stage stage) {
        this.stage = stage;
        PerRequest.forget("opportunities");
    }

    public String getNewTitle() {
        return newTitle;
    }

    public void setNewTitle(String newTitle) {
        this.newTitle = newTitle;
    }

    public Country getNewCountry() {
        return newCountry;
    }

    public void setNewCountry(Country newCountry) {
        this.newCountry = newCountry;
    }

    public Sector getNewSector() {
        return newSector;
    }

    public void setNewSector(Sector newSector) {
        this.newSector = newSector;
    }

    public String getNewEmployer() {
        return newEmployer;
    }

    public void setNewEmployer(String newEmployer) {
        this.newEmployer = newEmployer;
    }

    public List<String> getNewFunding() {
        return newFunding;
    }

    public void setNewFunding(List<String> newFunding) {
        this.newFunding = newFunding;
    }

    public BigDecimal getNewAmount() {
        return newAmount;
    }

    public void setNewAmount(BigDecimal newAmount) {
        this.newAmount = newAmount;
    }

    public Currency getNewCurrency() {
        return newCurrency;
    }

    public void setNewCurrency(Currency newCurrency) {
        this.newCurrency = newCurrency;
    }

    public ProcurementMethod getNewMethod() {
        return newMethod;
    }

    public void setNewMethod(ProcurementMethod newMethod) {
        this.newMethod = newMethod;
    }

    public LocalDateTime getNewDueLocal() {
        return newDueLocal;
    }

    public void setNewDueLocal(LocalDateTime newDueLocal) {
        this.newDueLocal = newDueLocal;
    }

    public String getNewZone() {
        return newZone;
    }

    public void setNewZone(String newZone) {
        this.newZone = newZone;
    }
}
