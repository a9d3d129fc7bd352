package dev.kakehashi.consortium;

import dev.kakehashi.platform.api.IfMatch;
import dev.kakehashi.platform.api.PageRequest;
import dev.kakehashi.platform.api.ProblemException;
import dev.kakehashi.platform.web.Actions;
import dev.kakehashi.platform.web.Messages;
import dev.kakehashi.platform.web.PerRequest;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/** My company's consortia, and the invitations it has to answer. */
@Named
@ViewScoped
public class ConsortiaPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    ConsortiumService consortia;

    public List<Consortium> getConsortia() {
        return PerRequest.get("consortia", () -> consortia.mine(new PageRequest(0, PageRequest.MAX_SIZE)));
    }

    public List<Membership> getInvitations() {
        return PerRequest.get("invitations", () -> consortia.invitationsToMe(new PageRequest(0, PageRequest.MAX_SIZE)));
    }

    public String leader(Consortium consortium) {
        return consortia.aliasOf(consortium.leaderCompanyId());
    }

    public String title(Consortium consortium) {
        return consortia.opportunityTitle(consortium);
    }

    public String accept(Membership invitation) {
        try {
            Membership membership = consortia.accept(invitation.id(), IfMatch.version(invitation.version()));
            return Actions.open("/consortium.xhtml?id=" + membership.consortium().id());
        } catch (ProblemException e) {
            Messages.error(e);
            return null;
        }
    }

    public String decline(Membership invitation) {
        return Actions.change(() -> consortia.decline(invitation.id(), IfMatch.version(invitation.version())), "invitation.declined");
    }
}
