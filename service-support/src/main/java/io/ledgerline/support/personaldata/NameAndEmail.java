package io.ledgerline.support.personaldata;

/** A customer's name and email as readers may show them: opened, or the erasure mask. */
public record NameAndEmail(String name, String email) {

    public static final NameAndEmail ERASED = new NameAndEmail(PersonalDataOpener.ERASED, PersonalDataOpener.ERASED);
}
