package dev.kakehashi.opportunity;

import dev.kakehashi.platform.api.PageRequest;
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

    private Country country;
    private Sector sector;
    private Stage stage;

    public List<Opportunity> getOpportunities() {
        return opportunities.list(new OpportunityService.Filter(country, sector, stage), new PageRequest(0, PageRequest.MAX_SIZE));
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
    }

    public Sector getSector() {
        return sector;
    }

    public void setSector(Sector sector) {
        this.sector = sector;
    }

    public Stage getStage() {
        return stage;
    }

    public void setStage(Stage stage) {
        this.stage = stage;
    }
}
