package uk.gov.inspectorates.portal.deploy.it;

import io.minio.ListObjectsArgs;
import io.minio.Result;
import io.minio.messages.Item;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the portal holds, seen from outside it: the bucket as listed through the S3 API, every file under the
 * object store's folder (multipart parts included), and the number of report rows. Two snapshots compare equal
 * when nothing was stored.
 */
record StoredState(Set<String> listedObjects, Set<String> storedFiles, long storedBytes, long reportRows) {

    static StoredState now() throws Exception {
        Set<String> listed = new TreeSet<>();
        for (Result<Item> item : TestEnvironment.minioClient().listObjects(ListObjectsArgs.builder()
                .bucket(TestEnvironment.s3Bucket()).recursive(true).build())) {
            listed.add(item.get().objectName());
        }
        Set<String> files = new TreeSet<>();
        long bytes = 0;
        for (Path file : TestEnvironment.storedFiles()) {
            files.add(TestEnvironment.bucketDirectory().relativize(file).toString());
            bytes += size(file);
        }
        try (Connection connection = TestEnvironment.openSuperuserConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select count(*) from report")) {
            rows.next();
            return new StoredState(listed, files, bytes, rows.getLong(1));
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
