package dev.kakehashi.consortium;

/** What a member does in the consortium; one member may hold several. */
public enum MemberRole {
    LEADER, SPONSOR, EPC_CONTRACTOR, EQUIPMENT_SUPPLIER, FINANCIAL_ADVISOR, OM_OPERATOR, LOCAL_PARTNER
}
