package uk.gov.inspectorates.portal.core.access;

/** What a subject wants to do with a resource. */
public enum Action {
    LIST,
    VIEW_METADATA,
    DOWNLOAD,
    UPLOAD,
    CHANGE,
    DELETE,
    EXPORT,
    AUDIT_VIEW
}
