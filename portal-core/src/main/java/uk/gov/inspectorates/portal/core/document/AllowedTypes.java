package uk.gov.inspectorates.portal.core.document;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The file types accepted in one context, each with the file-name extensions that may declare it. */
public record AllowedTypes(Map<String, Set<String>> extensionsByMediaType) {

    public static final AllowedTypes REPORTS = new AllowedTypes(Map.of("application/pdf", Set.of("pdf")));

    /**
     * Evidence an agency uploads for a JTAI (issue 16): PDF, Office documents (never macro-enabled ones), CSV, plain
     * text and common images. Each type is detected from the bytes, not the name.
     */
    public static final AllowedTypes EVIDENCE = new AllowedTypes(Map.of(
            "application/pdf", Set.of("pdf"),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document", Set.of("docx"),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Set.of("xlsx"),
            "application/vnd.openxmlformats-officedocument.presentationml.presentation", Set.of("pptx"),
            "text/csv", Set.of("csv"),
            "text/plain", Set.of("txt", "text"),
            "image/png", Set.of("png"),
            "image/jpeg", Set.of("jpg", "jpeg"),
            "image/gif", Set.of("gif")));

    public AllowedTypes {
        extensionsByMediaType = Map.copyOf(extensionsByMediaType);
    }

    public boolean allows(String mediaType) {
        return extensionsByMediaType.containsKey(mediaType);
    }

    public boolean extensionMatches(String mediaType, String declaredName) {
        return extensionOf(declaredName).map(ext -> extensionsByMediaType.get(mediaType).contains(ext)).orElse(false);
    }

    public String describe() {
        return extensionsByMediaType.values().stream().flatMap(Set::stream).sorted()
                .map(ext -> ext.toUpperCase(Locale.UK)).reduce((a, b) -> a + ", " + b).orElse("none");
    }

    /** Whether an Office package (OOXML) type is allowed here: its real type is read from inside the package. */
    public boolean allowsAnyPackage() {
        return extensionsByMediaType.keySet().stream().anyMatch(AllowedTypes::isOfficePackage);
    }

    /** Whether the name's extension is one of the allowed Office package types'. */
    public boolean isPackageExtension(String declaredName) {
        return extensionOf(declaredName).map(ext -> extensionsByMediaType.entrySet().stream()
                .anyMatch(e -> isOfficePackage(e.getKey()) && e.getValue().contains(ext))).orElse(false);
    }

    private static boolean isOfficePackage(String mediaType) {
        return mediaType.startsWith("application/vnd.openxmlformats-officedocument.");
    }

    /** Zip-based formats (OOXML, ODF): checking them for malware means unpacking them whole. */
    public static boolean isContainer(String mediaType) {
        return mediaType != null && (mediaType.startsWith("application/vnd.openxmlformats-officedocument.")
                || mediaType.startsWith("application/vnd.oasis.opendocument.") || mediaType.equals("application/zip"));
    }

    static Optional<String> extensionOf(String name) {
        int dot = name == null ? -1 : name.lastIndexOf('.');
        return dot < 0 ? Optional.empty() : Optional.of(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }
}
