package dev.kakehashi.consortium;

/** Responsible, Accountable, Consulted, Informed. */
public enum Raci {
    R, A, C, I
}
