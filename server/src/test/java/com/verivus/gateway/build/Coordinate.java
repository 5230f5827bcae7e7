package com.verivus.gateway.build;

/**
 * A Maven dependency as a JBang {@code //DEPS} line or a pom declares it.
 *
 * @param version null when a BOM manages it
 * @param bom true for an imported BOM ({@code @pom} in JBang, {@code <scope>import</scope>} in Maven)
 */
record Coordinate(String groupId, String artifactId, String version, boolean bom) {

    String key() {
        return groupId + ":" + artifactId;
    }

    @Override
    public String toString() {
        return key() + (version == null ? "" : ":" + version) + (bom ? "@pom" : "");
    }
}
