package uk.gov.inspectorates.portal.web.upload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import uk.gov.inspectorates.portal.core.access.AccessPolicy;
import uk.gov.inspectorates.portal.core.access.PolicyGate;
import uk.gov.inspectorates.portal.core.access.Subject;
import uk.gov.inspectorates.portal.core.audit.AuditTrail;
import uk.gov.inspectorates.portal.core.document.ResumableUploadRepository;
import uk.gov.inspectorates.portal.core.document.UploadAdmission;
import uk.gov.inspectorates.portal.core.document.UploadMemory;
import uk.gov.inspectorates.portal.core.document.UploadTurns;
import uk.gov.inspectorates.portal.core.organisation.AgencyType;
import uk.gov.inspectorates.portal.core.organisation.Organisation;
import uk.gov.inspectorates.portal.core.organisation.Role;
import uk.gov.inspectorates.portal.core.shared.Busy;

/**
 * Every upload request holds a share of the portal's upload memory while it stores (503 {@code portal-busy} past it,
 * whoever sends), and a sender that stops sending ends as the quiet {@link UploadAbandoned}, not as a failure.
 */
class UploadPlacesTest {

    private static final long MIB = 1024 * 1024;

    private final UploadMemory memory = new UploadMemory(16 * MIB, 8 * MIB, Duration.ZERO, Duration.ofSeconds(3));
    private final UploadPlaces places = new UploadPlaces(new UploadAdmission(
            new UploadAdmission.Limits(4, 10, Duration.ofSeconds(5)), nothing(ResumableUploadRepository.class),
            new PolicyGate(new AccessPolicy(), nothing(AuditTrail.class), Clock.systemUTC())),
            new UploadTurns(8, 0, Duration.ZERO, Duration.ofSeconds(3)), memory);
    private final HttpServletRequest request = emptyRequest();

    @Test
    void requestsOfDifferentPeopleShareThePortalsUploadMemoryAndPastItThePortalIsBusy() {
        Busy busy = places.holding(uploader("u1"), request, () ->
                places.holding(uploader("u2"), request, () ->
                        assertThrows(Busy.class, () -> places.holding(uploader("u3"), request, () -> "stored"))));

        assertEquals(UploadMemory.RULE, busy.rule());
        assertEquals(Busy.Scope.PORTAL, busy.scope());
        assertEquals(16 * 1024, memory.availableKib(), "every request gave its share back when it ended");
        assertEquals("stored", places.holding(uploader("u3"), request, () -> "stored"));
    }

    @Test
    void aSenderThatStopsSendingIsAnAbandonedUploadAndItsShareComesBack() {
        IOException reset = new SenderStreamFilter.SenderFailure(new IOException("Connection reset by peer"));

        UploadAbandoned abandoned = assertThrows(UploadAbandoned.class, () -> places.holding(uploader("u1"), request,
                () -> {
                    throw new UncheckedIOException("part 1 was interrupted", reset);
                }));
        assertSame(reset, abandoned.getCause().getCause());
        assertEquals(16 * 1024, memory.availableKib());
    }

    @Test
    void aFailureOfOursIsNotTakenForTheSendersAndStaysAFailure() {
        assertThrows(UncheckedIOException.class, () -> places.holding(uploader("u1"), request, () -> {
            throw new IOException("object store: storing part 1 failed");
        }));
        assertEquals(16 * 1024, memory.availableKib());
    }

    @Test
    void noMoreRequestsAreReceivedAtOnceThanTheTurnsAllowAndARefusalReadsLittleOfItsBodyAndClosesTheConnection() {
        UploadTurns oneAtATime = new UploadTurns(1, 0, Duration.ZERO, Duration.ofSeconds(3));
        UploadPlaces gated = new UploadPlaces(new UploadAdmission(
                new UploadAdmission.Limits(4, 10, Duration.ofSeconds(5)), nothing(ResumableUploadRepository.class),
                new PolicyGate(new AccessPolicy(), nothing(AuditTrail.class), Clock.systemUTC())), oneAtATime, memory);
        long[] read = {0};
        java.util.Map<String, Object> attributes = new java.util.HashMap<>();
        HttpServletRequest large = bodyOf(50 * MIB, read, attributes);

        Busy busy = gated.holding(uploader("u1"), request, () ->
                assertThrows(Busy.class, () -> gated.holding(uploader("u2"), large, () -> "stored")));

        assertEquals(UploadTurns.RULE, busy.rule());
        assertEquals(Busy.Scope.PORTAL, busy.scope());
        assertEquals(Boolean.TRUE, attributes.get(UploadPlaces.CLOSE_AFTER_ANSWER), "answered with Connection: close");
        org.junit.jupiter.api.Assertions.assertTrue(read[0] <= UploadPlaces.DISCARD_LIMIT_BYTES,
                "read " + read[0] + " bytes of the refused 50 MiB body");
        org.junit.jupiter.api.Assertions.assertTrue(read[0] <= 4 * MIB,
                "the portal's own read of a refused body is 4 MiB at most (ADR 0048), not " + read[0] + " bytes");
        assertEquals(16 * 1024, memory.availableKib(), "the refused request took no memory");
        assertEquals(0, oneAtATime.receiving(), "the turn was handed on when the request ended");
        assertEquals("stored", gated.holding(uploader("u2"), request, () -> "stored"));
        assertEquals("completed", gated.completing(uploader("u4"), () -> {
            assertThrows(Busy.class, () -> gated.holding(uploader("u3"), request, () -> "stored"),
                    "a completion reads the file back through the scanner: it takes a turn");
            return "completed";
        }));
    }

    private static HttpServletRequest bodyOf(long length, long[] read, java.util.Map<String, Object> attributes) {
        java.io.InputStream body = new java.io.InputStream() {
            @Override
            public int read() {
                return read[0] < length ? (int) (read[0]++ & 0x7f) : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                int n = (int) Math.min(len, length - read[0]);
                if (n <= 0) {
                    return -1;
                }
                read[0] += n;
                return n;
            }
        };
        ServletInputStream servletBody = new ServletInputStream() {
            @Override
            public int read() throws IOException {
                return body.read();
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return body.read(b, off, len);
            }

            @Override
            public boolean isFinished() {
                return read[0] >= length;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(jakarta.servlet.ReadListener listener) {
            }
        };
        return (HttpServletRequest) Proxy.newProxyInstance(UploadPlacesTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getInputStream" -> servletBody;
                    case "setAttribute" -> attributes.put((String) args[0], args[1]);
                    case "getAttribute" -> attributes.get((String) args[0]);
                    default -> null;
                });
    }

    private static Subject uploader(String id) {
        return new Subject(id, "agency.uploader." + id, "Uploader " + id,
                Organisation.agency("northdale-childrens-services", "Northdale Council Children's Services",
                        AgencyType.LOCAL_AUTHORITY_CHILDRENS_SERVICES, "northdale"), Set.of(Role.AGENCY_UPLOADER),
                Set.of());
    }

    private static HttpServletRequest emptyRequest() {
        return (HttpServletRequest) Proxy.newProxyInstance(UploadPlacesTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getInputStream")) {
                        throw new IllegalStateException("no body in this test");
                    }
                    return null;
                });
    }

    /** An interface whose methods do nothing (what these tests do not reach, or the audit they do not check). */
    private static <T> T nothing(Class<T> type) {
        return type.cast(Proxy.newProxyInstance(UploadPlacesTest.class.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> {
                    if (method.isDefault()) {
                        return java.lang.reflect.InvocationHandler.invokeDefault(proxy, method, args);
                    }
                    return method.getReturnType() == List.class ? List.of()
                            : method.getReturnType() == boolean.class ? false
                            : method.getReturnType() == int.class ? 0 : null;
                }));
    }
}
