package uk.gov.inspectorates.portal.deploy.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The portal's server log, read for what the bench must not miss: an OutOfMemoryError of its JVM. */
final class PortalLog {

    private static final String OUT_OF_MEMORY = "java.lang.OutOfMemoryError";

    private final Path log;

    PortalLog(Path log) {
        this.log = log;
    }

    /** How many times the portal's log has named an OutOfMemoryError so far. */
    int outOfMemoryErrors() {
        try {
            String text = new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
            int count = 0;
            for (int i = text.indexOf(OUT_OF_MEMORY); i >= 0; i = text.indexOf(OUT_OF_MEMORY, i + 1)) {
                count++;
            }
            return count;
        } catch (IOException e) {
            return 0;
        }
    }
}
