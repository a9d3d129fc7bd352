package dev.kakehashi.opportunity;

/** The currencies of the consortium's markets and members (ISO 4217). */
public enum Currency {
    USD, JPY, KRW, INR, VND, IDR
}
