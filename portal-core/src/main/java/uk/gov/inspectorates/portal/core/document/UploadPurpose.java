package uk.gov.inspectorates.portal.core.document;

/** What a resumable upload is for, which decides the file types it may hold. */
public enum UploadPurpose {
    /** The content of a pre-publication report, shared once the upload is checked. */
    REPORT(AllowedTypes.REPORTS),
    /** A document an agency uploads against a JTAI information request, kept once the upload is checked. */
    INSPECTION_DOCUMENT(AllowedTypes.EVIDENCE);

    private final AllowedTypes allowed;

    UploadPurpose(AllowedTypes allowed) {
        this.allowed = allowed;
    }

    public AllowedTypes allowed() {
        return allowed;
    }
}
