package uk.gov.inspectorates.portal.security.saml;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The security module's test identity provider (its own generated key, real responses signed by OpenSAML), opened to
 * the deploy module's integration tests: a response any portal instance configured with {@link #metadataFile()}
 * accepts once.
 */
public final class ItIdentityProvider {

    private final TestIdentityProvider idp;

    public ItIdentityProvider(String entityId, Path directory) throws Exception {
        OpenSaml.initialise();
        this.idp = new TestIdentityProvider(entityId, directory);
    }

    public Path metadataFile() {
        return idp.metadataFile();
    }

    /** A signed response to the sign-in request {@code inResponseTo}, vouching for one Ofsted inspector. */
    public String signedResponse(String inResponseTo, String acs, String audience, String nameId) {
        return idp.respond(inResponseTo, acs, audience, Instant.now()).with(spec -> {
            spec.nameId = nameId;
            spec.attributes = new java.util.LinkedHashMap<>(Map.of("organisation", List.of("ofsted"),
                    "team", List.of("Inspection team"), "role", List.of("inspector"),
                    "displayName", List.of("Cluster Inspector")));
        }).base64();
    }
}
