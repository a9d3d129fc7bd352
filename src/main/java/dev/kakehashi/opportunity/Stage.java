package dev.kakehashi.opportunity;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a tender stands. It moves only forward along the pursuit: a tender can be dropped
 * (withdrawn) until it is submitted, and ends awarded, lost or withdrawn.
 */
public enum Stage {
    IDENTIFIED, PREQUALIFICATION, BIDDING, SUBMITTED, AWARDED, LOST, WITHDRAWN;

    public Set<Stage> next() {
        return switch (this) {
            case IDENTIFIED -> EnumSet.of(PREQUALIFICATION, BIDDING, WITHDRAWN);
            case PREQUALIFICATION -> EnumSet.of(BIDDING, LOST, WITHDRAWN);
            case BIDDING -> EnumSet.of(SUBMITTED, WITHDRAWN);
            case SUBMITTED -> EnumSet.of(AWARDED, LOST);
            case AWARDED, LOST, WITHDRAWN -> EnumSet.noneOf(Stage.class);
        };
    }

    public boolean canMoveTo(Stage target) {
        return next().contains(target);
    }

    public boolean isClosed() {
        return next().isEmpty();
    }
}
