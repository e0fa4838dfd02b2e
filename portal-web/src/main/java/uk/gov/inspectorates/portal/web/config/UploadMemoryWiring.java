package uk.gov.inspectorates.portal.web.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import uk.gov.inspectorates.portal.core.document.UploadMemory;
import uk.gov.inspectorates.portal.storage.objectstore.MinioObjectStore;

/**
 * The heap the uploads may hold together, portal-wide (docs/adr/0039, addendum 2), from {@code portal.upload.memory-*}:
 * upload requests in flight and the PDFs held for their active-content check are charged to it.
 */
@ApplicationScoped
public class UploadMemoryWiring {

    /** A part held as plaintext, as ciphertext, and the object store client's buffer; or the client's 2-3 parts. */
    static final int BUFFERS_PER_REQUEST = 3;
    private static final Logger LOG = Logger.getLogger(UploadMemoryWiring.class.getName());

    @Inject
    PortalConfiguration configuration;

    @Inject
    @ConfigProperty(name = "portal.upload.memory-heap-fraction", defaultValue = "0.6")
    double heapFraction;

    @Inject
    @ConfigProperty(name = "portal.upload.memory-wait-millis", defaultValue = "5000")
    long waitMillis;

    @Produces
    @Singleton
    UploadMemory uploadMemory() {
        long requestBytes = (long) BUFFERS_PER_REQUEST
                * Math.max(configuration.uploadPartBytes(), MinioObjectStore.PART_SIZE);
        UploadMemory memory = UploadMemory.ofHeap(heapFraction, requestBytes, Duration.ofMillis(waitMillis),
                configuration.uploadBusyRetryAfter());
        LOG.info(() -> "Uploads may hold " + memory.bytes() / (1024 * 1024) + " MiB of heap at once: "
                + memory.requestPlaces() + " upload requests of " + requestBytes / (1024 * 1024) + " MiB each");
        return memory;
    }
}
