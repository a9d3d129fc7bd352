package dev.kakehashi.opportunity;

public enum Decision {
    GO, NO_GO
}
