package dev.kakehashi.platform.api;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the fields of a request body and collects everything wrong with them, so that a client
 * learns of all bad fields at once: {@code Fields f = new Fields(); ...; f.throwIfInvalid();}.
 */
public final class Fields {

    private final List<Problem.FieldError> errors = new ArrayList<>();

    public void reject(String field, String message) {
        errors.add(new Problem.FieldError(field, message));
    }

    public String text(String field, String value, boolean required, int maxLength) {
        if (value == null || value.isBlank()) {
            if (required) {
                reject(field, "is required");
            }
            return null;
        }
        String trimmed = value.strip();
        if (trimmed.length() > maxLength) {
            reject(field, "must be at most " + maxLength + " characters");
            return null;
        }
        return trimmed;
    }

    private static final java.util.regex.Pattern DOMAIN =
            java.util.regex.Pattern.compile("(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}");
    private static final java.util.regex.Pattern MAILBOX = java.util.regex.Pattern.compile("[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}");

    /** A text that must match a pattern; the message says what it must look like. */
    public String matching(String field, String value, boolean required, java.util.regex.Pattern pattern, String message) {
        String text = text(field, value, required, 254);
        if (text != null && !pattern.matcher(text).matches()) {
            reject(field, message);
            return null;
        }
        return text;
    }

    /** An internet domain name, lower-cased. */
    public String domain(String field, String value, boolean required) {
        String text = text(field, value, required, 253);
        if (text == null) {
            return null;
        }
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        if (!DOMAIN.matcher(lower).matches()) {
            reject(field, "must be a domain name such as sakura-shoji.co.jp");
            return null;
        }
        return lower;
    }

    /** An e-mail address with its domain lower-cased (people are named by their e-mail). */
    public String email(String field, String value, boolean required) {
        String text = text(field, value, required, 254);
        if (text == null) {
            return null;
        }
        int at = text.lastIndexOf('@');
        if (at <= 0 || !MAILBOX.matcher(text.substring(0, at)).matches()
                || !DOMAIN.matcher(text.substring(at + 1).toLowerCase(java.util.Locale.ROOT)).matches()) {
            reject(field, "must be an e-mail address");
            return null;
        }
        return text.substring(0, at) + "@" + text.substring(at + 1).toLowerCase(java.util.Locale.ROOT);
    }

    public <E extends Enum<E>> E oneOf(String field, Class<E> type, String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                reject(field, "is required; one of " + Arrays.toString(type.getEnumConstants()));
            }
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            reject(field, "must be one of " + Arrays.toString(type.getEnumConstants()));
            return null;
        }
    }

    public <E extends Enum<E>> Set<E> setOf(String field, Class<E> type, List<String> values) {
        Set<E> result = EnumSet.noneOf(type);
        if (values == null) {
            return result;
        }
        int choices = type.getEnumConstants().length;
        if (values.size() > choices) {
            reject(field, "names each of at most " + choices + " values once: " + Arrays.toString(type.getEnumConstants()));
            return result;
        }
        for (int i = 0; i < values.size(); i++) {
            E value = oneOf(field + "[" + i + "]", type, values.get(i), true);
            if (value != null) {
                result.add(value);
            }
        }
        return result;
    }

    public ZoneId zone(String field, String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                reject(field, "is required (an IANA time zone such as Asia/Ho_Chi_Minh)");
            }
            return null;
        }
        try {
            return ZoneId.of(value.strip());
        } catch (DateTimeException e) {
            reject(field, "is not a known time zone");
            return null;
        }
    }

    /** An ISO 8601 date-time with its offset, e.g. 2027-03-31T17:00:00+07:00. */
    public OffsetDateTime dateTime(String field, String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                reject(field, "is required (ISO 8601 with offset, e.g. 2027-03-31T17:00:00+07:00)");
            }
            return null;
        }
        try {
            return OffsetDateTime.parse(value.strip());
        } catch (DateTimeParseException e) {
            reject(field, "must be an ISO 8601 date-time with offset, e.g. 2027-03-31T17:00:00+07:00");
            return null;
        }
    }

    /** An ISO 8601 date, e.g. 2027-06-30: ten characters as sent, no more. */
    public java.time.LocalDate date(String field, String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                reject(field, "is required (a date such as 2027-06-30)");
            }
            return null;
        }
        try {
            if (value.length() <= 10) {
                return java.time.LocalDate.parse(value.strip());
            }
        } catch (DateTimeParseException e) {
            // refused below, as a text of the wrong length is
        }
        reject(field, "must be a date such as 2027-06-30");
        return null;
    }

    /** At most this many digits in an amount of money, before and after the decimal point together. */
    public static final int MONEY_DIGITS = 20;

    private static final java.util.regex.Pattern PLAIN_DECIMAL = java.util.regex.Pattern.compile("\\d{1,40}(\\.\\d{1,40})?");

    /**
     * An amount of money written as a plain decimal string ("1800000000", "612000000.50"): more than
     * zero, at most {@value #MONEY_DIGITS} digits, and no more decimals than the currency has minor
     * units (none for JPY, KRW and VND). Nothing is rounded: what does not fit is refused.
     */
    public BigDecimal money(String field, String value, boolean required, int minorUnits) {
        if (value == null || value.isBlank()) {
            if (required) {
                reject(field, "is required");
            }
            return null;
        }
        String text = value.strip();
        if (text.length() > MONEY_DIGITS + 1) {
            reject(field, "must have at most " + MONEY_DIGITS + " digits");
            return null;
        }
        if (!PLAIN_DECIMAL.matcher(text).matches()) {
            reject(field, "must be a decimal number written as a string without sign or exponent, e.g. \"1800000000\" or \"612000000.50\"");
            return null;
        }
        BigDecimal amount = new BigDecimal(text);
        int decimals = Math.max(0, amount.stripTrailingZeros().scale());
        if (decimals > minorUnits) {
            reject(field, minorUnits == 0 ? "must be a whole amount: this currency has no minor units"
                    : "must have at most " + minorUnits + " decimals for this currency");
            return null;
        }
        amount = amount.setScale(Math.max(minorUnits, 0), java.math.RoundingMode.UNNECESSARY);
        if (amount.precision() - amount.scale() + minorUnits > MONEY_DIGITS) {
            reject(field, "must have at most " + MONEY_DIGITS + " digits");
            return null;
        }
        if (amount.signum() <= 0) {
            reject(field, "must be more than zero");
            return null;
        }
        return amount;
    }

    public boolean isValid() {
        return errors.isEmpty();
    }

    public void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.INVALID_REQUEST, "One or more fields are invalid", errors);
        }
    }
}
