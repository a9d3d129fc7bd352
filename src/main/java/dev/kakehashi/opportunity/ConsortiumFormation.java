package dev.kakehashi.opportunity;

/** Forms a consortium around a tender (implemented by the consortium feature); answers its id. */
public interface ConsortiumFormation {

    String form(String opportunityId, String name, String code);
}
