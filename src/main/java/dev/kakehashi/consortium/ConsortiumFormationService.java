package dev.kakehashi.consortium;

import dev.kakehashi.opportunity.ConsortiumFormation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Lets a tender's page form its consortium without the opportunity feature knowing consortium types. */
@ApplicationScoped
public class ConsortiumFormationService implements ConsortiumFormation {

    @Inject
    ConsortiumService consortia;

    @Override
    public String form(String opportunityId, String name, String code) {
        return consortia.form(opportunityId, name, code).id();
    }
}
