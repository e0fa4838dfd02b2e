package uk.gov.inspectorates.portal.core.notification;

/**
 * Where services queue the e-mail notices of their acts. Call it in the same service call as the act, after the
 * act is stored: the notice is written to the outbox and delivered later, retried, by the delivery worker, so a
 * slow or absent mail relay never fails or delays the act. Unit tests of a service may pass a recording lambda.
 */
@FunctionalInterface
public interface NoticeOutbox {

    /** Resolves the recipients to addresses and queues one message to each; a notice with no address is dropped. */
    void enqueue(Notice notice);
}
