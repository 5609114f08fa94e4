package tandem.report.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What produced a run; the report groups suites by it. */
public enum RunKind {
    /** JUnit suites (surefire XML). */
    @JsonProperty("unit") UNIT("Unit suites"),
    /** Kernel boots on the golden model or in lockstep. */
    @JsonProperty("boot") BOOT("Boots"),
    /** Behaviour specs (Cucumber). */
    @JsonProperty("spec") SPEC("Specs"),
    /** CSV instruction vectors and generated programs. */
    @JsonProperty("vectors") VECTORS("Vectors"),
    /** Lockstep runs of the golden model against RTL. */
    @JsonProperty("lockstep") LOCKSTEP("Lockstep"),
    /** BIO programs: golden pins against expected edges or RTL. */
    @JsonProperty("bio") BIO("BIO");

    private final String title;

    RunKind(String title) {
        this.title = title;
    }

    /** Heading used in reports. */
    public String title() {
        return title;
    }
}
