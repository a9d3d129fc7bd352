package dev.kakehashi.opportunity;

public enum Sector {
    POWER, LNG_TO_POWER, RENEWABLES, HYDROGEN_AMMONIA, WATER, TRANSPORT, INDUSTRIAL_PLANT
}
