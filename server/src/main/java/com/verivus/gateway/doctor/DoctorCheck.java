package com.verivus.gateway.doctor;

/** One line of the plain doctor output: a mark, what was checked, and what was found. */
public record DoctorCheck(Mark mark, String subject, String finding) {

    /** ✓ fine, ! worth attention (does not block), ✗ blocks. */
    public enum Mark {
        OK("✓"), WARN("!"), FAIL("✗");

        private final String symbol;

        Mark(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }
    }

    public static DoctorCheck ok(String subject, String finding) {
        return new DoctorCheck(Mark.OK, subject, finding);
    }

    public static DoctorCheck warn(String subject, String finding) {
        return new DoctorCheck(Mark.WARN, subject, finding);
    }

    public static DoctorCheck fail(String subject, String finding) {
        return new DoctorCheck(Mark.FAIL, subject, finding);
    }
}
