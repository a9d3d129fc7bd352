package dev.kakehashi.opportunity;

/** The currencies of the consortium's markets and members (ISO 4217). */
public enum Currency {
    USD, EUR, JPY, KRW, INR, VND, IDR;

    /** Decimals an amount in this currency may have (ISO 4217 minor units: none for JPY, KRW and VND). */
    public int minorUnits() {
        return java.util.Currency.getInstance(name()).getDefaultFractionDigits();
    }
}
