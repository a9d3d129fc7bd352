package dev.kakehashi.platform.security;

/** The token is missing, malformed, expired, forged or not meant for this API. */
public class InvalidTokenException extends Exception {

    public InvalidTokenException(String message) {
        super(message);
    }

    public InvalidTokenException(String message, Throwable cause) {
        super(message, cause);
    }
}
