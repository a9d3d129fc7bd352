package dev.kakehashi.testing;

/** The demo companies of the brief, as the realm and the demo data define them. */
public enum DemoCompany {
    SAKURA_SHOJI("sakura-shoji"),
    TSUBASA_TRADING("tsubasa-trading"),
    HANBIT_ENC("hanbit-enc"),
    MIRAE_EPC("mirae-epc");

    private final String alias;

    DemoCompany(String alias) {
        this.alias = alias;
    }

    public String alias() {
        return alias;
    }

    public String domain() {
        return alias + ".example";
    }

    /** The demo user with this role: {@code <role>@<alias>.example}. */
    public String user(String role) {
        return role + "@" + domain();
    }

    public String erpClientId() {
        return alias + "-erp";
    }

    public String erpClientSecret() {
        return alias + "-erp-secret";
    }
}
