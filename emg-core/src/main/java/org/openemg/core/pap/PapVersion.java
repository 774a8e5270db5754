package org.openemg.core.pap;

import java.util.Optional;

/**
 * The PAP versions this PPG reads, each known by its DOCTYPE public id (PAP-WAP.md 1.2). Answers
 * go out with the DOCTYPE of the version the request used.
 */
public enum PapVersion {
    V1_0(1, 0, "-//WAPFORUM//DTD PAP 1.0//EN", "http://www.wapforum.org/DTD/pap_1.0.dtd"),
    V2_0(2, 0, "-//WAPFORUM//DTD PAP 2.0//EN", "http://www.wapforum.org/DTD/pap_2.0.dtd"),
    V2_1(2, 1, "-//WAPFORUM//DTD PAP 2.1//EN", "http://www.openmobilealliance.org/tech/DTD/pap_2.1.dtd");

    /** The unnumbered 1.0 public id of Kannel's documentation and test files. */
    private static final String UNNUMBERED_1_0 = "-//WAPFORUM//DTD PAP//EN";

    private final int major;
    private final int minor;
    private final String publicId;
    private final String systemId;

    PapVersion(int major, int minor, String publicId, String systemId) {
        this.major = major;
        this.minor = minor;
        this.publicId = publicId;
        this.systemId = systemId;
    }

    /** The version a DOCTYPE public id names; empty for one this PPG does not read. */
    public static Optional<PapVersion> ofPublicId(String publicId) {
        String normalised = publicId.trim().replaceAll("\\s+", " ");
        if (normalised.equals(UNNUMBERED_1_0)) {
            return Optional.of(V1_0);
        }
        for (PapVersion v : values()) {
            if (v.publicId.equals(normalised)) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }

    /** Whether an entry of wap-pap-ver's supported-versions ("2.0", "1.*") covers this version. */
    public boolean matches(String entry) {
        String e = entry.trim();
        return e.equals(major + "." + minor) || e.equals(major + ".*");
    }

    /** The version as written in a message's options: "2.0". */
    public String number() {
        return major + "." + minor;
    }

    /** The version {@link #number()} wrote; empty for any other text. */
    public static Optional<PapVersion> ofNumber(String number) {
        for (PapVersion v : values()) {
            if (v.number().equals(number)) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }

    public String doctype() {
        return "<!DOCTYPE pap PUBLIC \"" + publicId + "\" \"" + systemId + "\">";
    }
}
