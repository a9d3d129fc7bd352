package dev.kakehashi.document;

import dev.kakehashi.document.DocumentControlViews.TransmittalView;
import dev.kakehashi.platform.api.ProblemException;
import dev.kakehashi.platform.security.CallerContext;
import dev.kakehashi.platform.security.Role;
import dev.kakehashi.platform.web.Messages;
import dev.kakehashi.platform.web.PerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.ZoneId;
import java.util.Optional;

/** One transmittal: what was sent to whom, who acknowledged, and the recipient's acknowledge button. */
@Named
@RequestScoped
public class TransmittalPage {

    @Inject
    TransmittalService transmittals;

    @Inject
    DocumentControlPresenter presenter;

    @Inject
    CallerContext context;

    @Inject
    dev.kakehashi.consortium.ConsortiumService consortia;

    private String id;

    public void load() {
        getTransmittal();
    }

    public TransmittalView getTransmittal() {
        return PerRequest.get("transmittal", () -> presenter.transmittal(transmittals.visible(id)));
    }

    public ZoneId getTenderZone() {
        return PerRequest.get("transmittal.zone", () -> consortia.tenderZone(getTransmittal().consortiumId()));
    }

    public boolean isMayAcknowledge() {
        var me = context.company().alias();
        return context.caller().hasAnyOf(Role.ACTING)
                && getTransmittal().recipients().stream().anyMatch(r -> r.company().equals(me) && !r.acknowledged());
    }

    public void acknowledge() {
        try {
            transmittals.acknowledge(id, Optional.of(getTransmittal().version()));
            PerRequest.forget("transmittal");
            Messages.info("transmittal.acknowledgedDone");
        } catch (ProblemException e) {
            Messages.error(e);
        }
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }
}
