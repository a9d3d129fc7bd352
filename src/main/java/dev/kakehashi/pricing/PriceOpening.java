package dev.kakehashi.pricing;

import dev.kakehashi.opportunity.Currency;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;

/**
 * When a consortium's sealed prices open, in which currency they are consolidated and at which rates.
 * Set by the leader; it may move to any later time, but once it has passed it stays as it was.
 */
@Entity
@Table(name = "price_opening")
public class PriceOpening {

    public static final int SOURCE_LENGTH = 300;
    public static final int OPENS_AT_LENGTH = dev.kakehashi.platform.api.ApiTypes.DATE_TIME_LENGTH;
    /** A rate as a decimal string: 18 digits, the point and 12 decimals at most (checked when set). */
    public static final int RATE_LENGTH = 30;

    @Id
    @Column(name = "consortium_id")
    private String consortiumId;

    @Column(name = "opens_at", nullable = false)
    private Instant opensAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "bid_currency", nullable = false, length = 3)
    private Currency bidCurrency;

    /** JSON of the rates, as decimal strings: the consolidation multiplies by them exactly. */
    @Column(nullable = false, columnDefinition = "TEXT")
    private String rates;

    @Column(name = "rates_as_of")
    private LocalDate ratesAsOf;

    @Column(name = "rates_source", length = SOURCE_LENGTH)
    private String ratesSource;

    @Column(name = "set_at", nullable = false)
    private Instant setAt;

    @Column(name = "set_by_name", length = 200)
    private String setByName;

    @Version
    @Column(name = "row_version", nullable = false)
    private long rowVersion;

    protected PriceOpening() {
    }

    PriceOpening(String consortiumId) {
        this.consortiumId = consortiumId;
    }

    void set(Instant opensAt, Currency bidCurrency, String rates, LocalDate ratesAsOf, String ratesSource, Instant at, String by) {
        this.opensAt = opensAt;
        this.bidCurrency = bidCurrency;
        this.rates = rates;
        this.ratesAsOf = ratesAsOf;
        this.ratesSource = ratesSource;
        this.setAt = at;
        this.setByName = by;
    }

    public boolean hasOpened(Instant now) {
        return opensAt != null && !now.isBefore(opensAt);
    }

    public Instant opensAt() {
        return opensAt;
    }

    public Currency bidCurrency() {
        return bidCurrency;
    }

    String rates() {
        return rates;
    }

    public LocalDate ratesAsOf() {
        return ratesAsOf;
    }

    public String ratesSource() {
        return ratesSource;
    }

    public Instant setAt() {
        return setAt;
    }

    public String setByName() {
        return setByName;
    }

    public long rowVersion() {
        return rowVersion;
    }
}
