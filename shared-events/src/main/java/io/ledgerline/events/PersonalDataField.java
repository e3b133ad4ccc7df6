package io.ledgerline.events;

/**
 * Which item of personal data a sealed value is. Its name is bound into the seal with the
 * customer id (see {@link PersonalData}), so a value moved into another field, or another
 * customer's event, does not open.
 */
public enum PersonalDataField {
    NAME("name"),
    EMAIL("email"),
    DESCRIPTION("description"),
    REFERENCE("reference"),
    EXTERNAL_REFERENCE("externalReference");

    private final String boundName;

    PersonalDataField(String boundName) {
        this.boundName = boundName;
    }

    /** The name as it is bound into the seal; it never changes once values are sealed with it. */
    public String boundName() {
        return boundName;
    }
}
