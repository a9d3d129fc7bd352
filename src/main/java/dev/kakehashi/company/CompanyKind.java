package dev.kakehashi.company;

/** What a company brings to a consortium; shown on its card and used when forming teams. */
public enum CompanyKind {
    TRADING_HOUSE,
    EPC_CONTRACTOR,
    FINANCIER,
    LOCAL_PARTNER
}
