package uk.gov.inspectorates.portal.core.inspection;

/**
 * Tells an agency that an inspectorate asked it for information (the "new request" notice). The e-mail outbox of
 * {@code core.notification} is to be plugged in here; it must carry the title and a link only, never content.
 */
@FunctionalInterface
public interface RequestNotices {

    void requested(Inspection inspection, InformationRequest request);
}
