package uk.gov.inspectorates.portal.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Removing the scratch folders the embedded servers, tests and benchmarks leave. */
public final class Folders {

    private Folders() {
    }

    /** Deletes the folder and everything in it, if it exists; a failure is reported, not thrown (clean-up only). */
    public static void deleteQuietly(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not delete " + root + ": " + e);
        }
    }
}
