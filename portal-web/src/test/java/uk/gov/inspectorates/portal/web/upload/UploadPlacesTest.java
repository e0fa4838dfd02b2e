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
            new PolicyGate(new AccessPolicy(), nothing(AuditTrail.class), Clock.systemUTC())), memory);
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
