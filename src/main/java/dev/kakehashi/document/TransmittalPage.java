package dev.kakehashi.document;

import dev.kakehashi.document.DocumentControlViews.TransmittalView;
import dev.kakehashi.platform.api.IfMatch;
import dev.kakehashi.platform.security.CallerContext;
import dev.kakehashi.platform.security.Role;
import dev.kakehashi.platform.web.Actions;
import dev.kakehashi.platform.web.PerRequest;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.ZoneId;
import java.util.Optional;

/** One transmittal: what was sent to whom, who acknowledged, and the recipient's acknowledge button. */
@Named
@ViewScoped
public class TransmittalPage implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    TransmittalService transmittals;

    @Inject
    DocumentControlPresenter presenter;

    @Inject
    CallerContext context;

    @Inject
    dev.kakehashi.consortium.ConsortiumService consortia;

    private String id;

    /** The version the person saw: what an acknowledgement applies to. */
    private long version;

    public void load() {
        version = getTransmittal().version();
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

    public String acknowledge() {
        return Actions.change(() -> transmittals.acknowledge(id, IfMatch.version(version)), "transmittal.acknowledgedDone");
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }
}
