package uk.gov.inspectorates.portal.deploy.it;

import java.util.List;
import uk.gov.inspectorates.portal.core.access.Action;

/**
 * How the access matrix reaches one kind of resource through the HTTP API: the states it puts resources in, and the
 * request that tries each action. A feature that adds a kind adds one of these and its table
 * ({@code access-matrix/<kind>.csv}); a feature that adds a route for an action changes its {@link Route} here and
 * the table's {@code NO_ROUTE} cells.
 */
interface MatrixRoutes {

    /** The table's name: {@code access-matrix/<kind>.csv}. */
    String kind();

    /** The states the table has rows for. */
    List<String> states();

    /** Whether the action means something for the state (else the table says {@code N/A}). */
    boolean applies(Action action, String state);

    /** Puts a fresh resource in the state and returns its id ({@code null} for a state of a resource to be made). */
    String prepare(String state) throws Exception;

    Route route(Action action);

    /** Removes everything the matrix made of this kind. */
    void cleanUp() throws Exception;

    /** One HTTP answer, as far as the matrix looks at it. */
    record Answer(int status, String body) {

        static Answer of(java.net.http.HttpResponse<String> response) {
            return new Answer(response.statusCode(), response.body());
        }
    }

    /** Sends the action's request as the subject, about the resource {@code id} (null for a resource to be made). */
    @FunctionalInterface
    interface Request {
        Answer send(PortalApi api, String subject, String id) throws Exception;
    }

    /** How an answer is read. */
    enum Check {
        /** 200 with the resource's id in the body: listed; without: not listed */
        MEMBERSHIP,
        /** 2xx permit, 403, 404 */
        ACCESS,
        /** no route yet: 404 or 405, and nothing audited */
        NONE
    }

    /** @param consumes a permitted request uses the resource up (a removal): the state is prepared again after it */
    record Route(Check check, Request request, boolean consumes) {

        static Route listing(Request request) {
            return new Route(Check.MEMBERSHIP, request, false);
        }

        static Route access(Request request) {
            return new Route(Check.ACCESS, request, false);
        }

        static Route consuming(Request request) {
            return new Route(Check.ACCESS, request, true);
        }

        /** The request a future route would answer; until then it must find nothing. */
        static Route none(Request probe) {
            return new Route(Check.NONE, probe, false);
        }
    }
}
