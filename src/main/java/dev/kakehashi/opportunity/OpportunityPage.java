package dev.kakehashi.opportunity;

import dev.kakehashi.platform.api.ProblemException;
import dev.kakehashi.platform.security.CallerContext;
import dev.kakehashi.platform.security.Role;
import dev.kakehashi.platform.web.Actions;
import dev.kakehashi.platform.web.Messages;
import dev.kakehashi.platform.web.PerRequest;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Optional;

/** One tender, with the Go/No-Go form for its owner's bid managers. */
@Named
@ViewScoped
public class OpportunityPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    OpportunityService opportunities;

    @Inject
    ConsortiumOfOpportunity consortia;

    @Inject
    CallerContext context;

    @Inject
    ConsortiumFormation formation;

    private String id;
    private String consortiumName;
    private String consortiumCode;
    private Decision decision;
    private String reasons;
    private long version;

    public void load() {
        Opportunity opportunity = getOpportunity();
        version = opportunity.version();
    }

    public Opportunity getOpportunity() {
        return PerRequest.get("opportunity", () -> opportunities.visible(id));
    }

    public String getOwner() {
        return PerRequest.get("opportunity.owner", () -> opportunities.ownerAlias(getOpportunity()));
    }

    public boolean isMayDecide() {
        return getOpportunity().isOwnedBy(context.company().id()) && context.caller().has(Role.BID_MANAGER);
    }

    public String getConsortiumId() {
        // "" for none: a cached null would read as "not loaded yet"
        String consortiumId = PerRequest.get("opportunity.consortium", () -> consortia.idFor(id).orElse(""));
        return consortiumId.isEmpty() ? null : consortiumId;
    }

    public boolean isMayForm() {
        return isMayDecide() && getConsortiumId() == null && !getOpportunity().stage().isClosed();
    }

    /** Forms the consortium around this tender; the caller's company leads it. */
    public String formConsortium() {
        try {
            String consortiumId = formation.form(id, consortiumName == null ? "" : consortiumName.strip(),
                    consortiumCode == null ? "" : consortiumCode.strip());
            return Actions.open("/consortium.xhtml?id=" + consortiumId);
        } catch (ProblemException e) {
            Messages.error(e);
            return null;
        }
    }

    public String getConsortiumName() {
        return consortiumName;
    }

    public void setConsortiumName(String consortiumName) {
        this.consortiumName = consortiumName;
    }

    public String getConsortiumCode() {
        return consortiumCode;
    }

    public void setConsortiumCode(String consortiumCode) {
        this.consortiumCode = consortiumCode;
    }

    public String decide() {
        return Actions.change(() -> opportunities.decide(id, decision, reasons, dev.kakehashi.platform.api.IfMatch.version(version)),
                "opportunity.decided");
    }

    public Decision[] getDecisions() {
        return Decision.values();
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public Decision getDecision() {
        return decision;
    }

    public void setDecision(Decision decision) {
        this.decision = decision;
    }

    public String getReasons() {
        return reasons;
    }

    public void setReasons(String reasons) {
        this.reasons = reasons;
    }
}
