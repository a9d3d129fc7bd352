package dev.kakehashi.opportunity;

import java.time.ZoneId;
import java.util.List;

/** Where Kakehashi's tenders are, with the time zones their employers may set deadlines in. */
public enum Country {
    IN(List.of("Asia/Kolkata")),
    VN(List.of("Asia/Ho_Chi_Minh")),
    ID(List.of("Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"));

    private final List<String> zones;

    Country(List<String> zones) {
        this.zones = zones;
    }

    public boolean hasZone(ZoneId zone) {
        return zones.contains(zone.getId());
    }

    public List<String> zones() {
        return zones;
    }
}
