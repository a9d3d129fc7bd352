package dev.kakehashi.platform.notice;

/** An e-mail to one person, already written in their language; sent only if the change that caused it commits. */
public record Notice(String email, String subject, String body) {
}
