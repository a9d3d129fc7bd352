package dev.kakehashi.opportunity;

import java.util.Optional;

/** The consortium formed around an opportunity, if any: its changes then belong in that consortium's trail. */
public interface ConsortiumOfOpportunity {

    Optional<String> idFor(String opportunityId);
}
