package dev.kakehashi.opportunity;

public enum ProcurementMethod {
    SINGLE_STAGE_ONE_ENVELOPE, SINGLE_STAGE_TWO_ENVELOPE, TWO_STAGE_ONE_ENVELOPE, TWO_STAGE_TWO_ENVELOPE
}
