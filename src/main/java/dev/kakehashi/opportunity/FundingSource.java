package dev.kakehashi.opportunity;

/** Who finances a tender: Japanese and Korean export credit and aid agencies, multilaterals, or private money. */
public enum FundingSource {
    JICA, JBIC, NEXI, KEXIM, KSURE, ADB, WORLD_BANK, PRIVATE
}
