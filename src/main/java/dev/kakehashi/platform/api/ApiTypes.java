package dev.kakehashi.platform.api;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The small value types every feature's bodies share, as the OpenAPI document names them: a body's
 * {@code List<String>} or map names one of these as its items, so that a generated client and the
 * linter see the same bounds as the server checks.
 */
public final class ApiTypes {

    /** A UUID, the form of every resource id. */
    public static final int ID_LENGTH = 36;
    /** A company's alias (a DNS label), as it names a company in bodies and answers. */
    public static final int ALIAS_LENGTH = 63;
    public static final String ALIAS_PATTERN = "^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$";
    /** An RFC 3339 date-time with nanoseconds and an offset with seconds: 2027-03-31T17:00:00.123456789+07:00:00. */
    public static final int DATE_TIME_LENGTH = 38;
    /** The longest IANA time-zone id is 32 characters (America/Argentina/ComodRivadavia). */
    public static final int ZONE_LENGTH = 64;
    public static final int EMAIL_LENGTH = 254;
    public static final int DOMAIN_LENGTH = 253;
    /** A revision label: A, B, … then 0, 1, …. */
    public static final int REVISION_LENGTH = 4;
    public static final String DECIMAL_PATTERN = "^[0-9]+(\\.[0-9]+)?$";

    private ApiTypes() {
    }

    @Schema(name = "CompanyAlias", type = SchemaType.STRING, maxLength = ALIAS_LENGTH, pattern = ALIAS_PATTERN,
            description = "A company's alias, e.g. sakura-shoji")
    public interface CompanyAlias {
    }

    @Schema(name = "EmailAddress", type = SchemaType.STRING, format = "email", maxLength = EMAIL_LENGTH)
    public interface EmailAddress {
    }

    @Schema(name = "DomainName", type = SchemaType.STRING, format = "hostname", maxLength = DOMAIN_LENGTH,
            description = "An internet domain name, e.g. sakura-shoji.co.jp")
    public interface DomainName {
    }
}
