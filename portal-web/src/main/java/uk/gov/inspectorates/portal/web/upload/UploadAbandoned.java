package uk.gov.inspectorates.portal.web.upload;

/**
 * The sender stopped sending before the whole file (or part) arrived: closed its connection, reset it, or went quiet.
 * Nothing of the upload is kept. Not a failure of the portal: it is answered quietly (nobody is there to read it) and
 * not logged as one; a resumable upload's sender sends the part again.
 */
public class UploadAbandoned extends RuntimeException {

    public UploadAbandoned(Throwable cause) {
        super("The upload stopped before the whole file arrived", cause);
    }
}
