package uk.gov.inspectorates.portal.web.health;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;
import uk.gov.inspectorates.portal.core.document.ContentScanner;
import uk.gov.inspectorates.portal.core.document.ObjectStore;
import uk.gov.inspectorates.portal.core.document.ScanningUnavailable;

class ReadinessTest {

    @Test
    void notReadyWhileTheObjectStoreDoesNotAnswer() {
        ObjectStoreReadiness readiness = new ObjectStoreReadiness();
        readiness.objectStore = new StubObjectStore(true);
        assertEquals(HealthCheckResponse.Status.DOWN, readiness.call().getStatus());
        readiness.objectStore = new StubObjectStore(false);
        assertEquals(HealthCheckResponse.Status.UP, readiness.call().getStatus());
    }

    @Test
    void notReadyWhileTheMalwareScannerDoesNotAnswer() {
        ScannerReadiness readiness = new ScannerReadiness();
        readiness.scanner = new StubScanner(true);
        assertEquals(HealthCheckResponse.Status.DOWN, readiness.call().getStatus());
        assertEquals("scanner", readiness.call().getName());
        readiness.scanner = new StubScanner(false);
        assertEquals(HealthCheckResponse.Status.UP, readiness.call().getStatus());
    }

    private record StubScanner(boolean down) implements ContentScanner {
        @Override
        public void checkAvailable() {
            if (down) {
                throw new ScanningUnavailable("connection refused");
            }
        }

        @Override
        public ScanSession start() {
            throw new AssertionError("not used");
        }
    }

    /** Answers reachability only; the readiness check calls nothing else. */
    private record StubObjectStore(boolean unreachable) implements ObjectStore {
        @Override
        public void checkReachable() throws IOException {
            if (unreachable) {
                throw new IOException("connection refused");
            }
        }

        @Override
        public void put(String key, InputStream content, long length) {
            throw new AssertionError("not used");
        }

        @Override
        public InputStream get(String key) {
            throw new AssertionError("not used");
        }

        @Override
        public void delete(String key) {
            throw new AssertionError("not used");
        }

        @Override
        public List<String> keys() {
            throw new AssertionError("not used");
        }

        @Override
        public List<Listed> list() {
            throw new AssertionError("not used");
        }
    }
}
