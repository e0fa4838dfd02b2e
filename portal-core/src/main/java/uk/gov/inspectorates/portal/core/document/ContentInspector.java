package uk.gov.inspectorates.portal.core.document;

/**
 * Looks inside a file as its bytes stream through intake, in the same pass as the malware scan and encryption
 * (docs/adr/0018, 0019): what a type detector cannot tell from the first bytes. A PDF is refused when it carries
 * active content; an Office package is named by its real type (DOCX, XLSX, PPTX) from its own content-type list,
 * and refused when it holds macros or would expand beyond the limits (a zip or XML bomb).
 *
 * <p>An inspection never throws while it is fed: a refusal found early is kept and further bytes are ignored, so a
 * refusal cannot be mistaken by storage for a broken read. It is thrown by {@link Inspection#conclude()}, after
 * which intake deletes whatever was stored.
 */
public interface ContentInspector {

    /**
     * Starts inspecting one file, whose first bytes were detected as {@code detectedType}; {@code length} is its size
     * when known beforehand (a resumable upload), else -1.
     */
    Inspection start(String detectedType, long length);

    interface Inspection extends AutoCloseable {

        /** The next bytes of the file, in order, each exactly once. */
        void feed(byte[] bytes, int offset, int length);

        /**
         * After the last byte: the file's type as its whole content shows it (the detected type unless the content
         * tells more).
         *
         * @throws UploadRejected when the content must not be kept
         */
        String conclude();

        /**
         * Lets go of what the inspection holds (memory taken from a budget the portal shares), whether or not it
         * concluded: intake calls it when the file is done with, accepted, refused or abandoned.
         */
        @Override
        default void close() {
        }
    }
}
