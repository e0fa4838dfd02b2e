package uk.gov.inspectorates.portal.core.document;

/**
 * A check of one kind of upload's plaintext that its caller adds to intake (for example, that a list of children
 * names none: {@code ChildrenListCheck}). It sees the bytes in intake's one pass and may veto the file before it is
 * kept: a veto deletes what was stored. Like a {@link ContentInspector}, a session never throws while fed.
 */
public interface ContentCheck {

    /** No check beyond intake's own. */
    ContentCheck NONE = () -> new Session() {
        @Override
        public void feed(byte[] bytes, int offset, int length) {
            // nothing to look at
        }

        @Override
        public void conclude(String mediaType) {
            // nothing to refuse
        }
    };

    Session start();

    interface Session {

        void feed(byte[] bytes, int offset, int length);

        /**
         * After the last byte, with the file's type as intake established it.
         *
         * @throws UploadRejected to refuse the file
         */
        void conclude(String mediaType);
    }
}
