package dev.kakehashi.consortium;

/** How far the members have bound themselves; it only moves forward. */
public enum AgreementStatus {
    MOU, TEAMING_AGREEMENT, CONSORTIUM_AGREEMENT_SIGNED
}
