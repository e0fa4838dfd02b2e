package uk.gov.inspectorates.portal.web.config;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

/**
 * The keystores that hold a signing key, beside the master keystore unless a setting names another file: where each
 * one is, decided here only, for the wiring that opens it and for {@link ProductionStartPolicy}, which refuses a
 * production start without it (production never creates a keystore).
 */
enum SigningKeystore {

    AUDIT(Settings.AUDIT, "audit-signing.bcfks", "the audit checkpoints' signing keystore"),
    REMOVAL(Settings.REMOVAL, "removal-signing.bcfks", "the removal certificates' signing keystore");

    /** The settings' names, as constants for the wirings' {@code @ConfigProperty}. */
    static final class Settings {
        static final String AUDIT = "portal.audit.signing.keystore-path";
        static final String REMOVAL = "portal.signing.keystore-path";

        private Settings() {
        }
    }

    final String setting;
    final String defaultFile;
    final String what;

    SigningKeystore(String setting, String defaultFile, String what) {
        this.setting = setting;
        this.defaultFile = defaultFile;
        this.what = what;
    }

    /** The configured file, or {@link #defaultFile} beside the master keystore. */
    Path path(Optional<String> configured, String masterKeystore) {
        return configured.map(String::strip).filter(path -> !path.isEmpty()).map(Path::of)
                .orElse(Path.of(masterKeystore).resolveSibling(defaultFile));
    }

    /** The same, from settings by name; empty when neither this setting nor the master keystore's is set. */
    Optional<Path> path(Function<String, Optional<String>> settings) {
        return settings.apply("portal.keystore.path").map(master -> path(settings.apply(setting), master));
    }
}
