package uk.gov.inspectorates.portal.deploy.it;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.nio.file.FileVisitResult;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/** Looks for a marker's bytes in every regular file under some folders, streaming so that large files are fine. */
final class PlaintextSearch {

    private PlaintextSearch() {
    }

    /** The files under the roots that contain the marker; also how many files were searched, via {@code searched}. */
    static List<Path> filesContaining(String marker, List<Path> roots, List<Path> searched) throws IOException {
        byte[] needle = marker.getBytes(StandardCharsets.US_ASCII);
        List<Path> found = new ArrayList<>();
        for (Path root : roots) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    if (attributes.isRegularFile()) {
                        searched.add(file);
                        if (contains(file, needle)) {
                            found.add(file);
                        }
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    // temporary files of the running servers come and go while we walk
                    return FileVisitResult.CONTINUE;
                }
            });
        }
        return found;
    }

    static boolean contains(Path file, byte[] needle) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 20];
            int keep = needle.length - 1;
            int filled = 0;
            int n;
            while ((n = in.read(buffer, filled, buffer.length - filled)) > 0) {
                int end = filled + n;
                if (indexOf(buffer, end, needle) >= 0) {
                    return true;
                }
                int tail = Math.min(keep, end);
                System.arraycopy(buffer, end - tail, buffer, 0, tail);
                filled = tail;
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    static int indexOf(byte[] haystack, int length, byte[] needle) {
        outer:
        for (int i = 0; i <= length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
