package uk.gov.inspectorates.portal.security.content;

import java.io.InputStream;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import uk.gov.inspectorates.portal.core.document.ContentInspector;
import uk.gov.inspectorates.portal.core.document.UploadRejected;

/**
 * An Office package (OOXML: a zip of XML parts, docs/adr/0019) read as it streams through intake, by
 * {@link ZipStream}. It tells the package's real type from its own {@code [Content_Types].xml} (the main part's
 * content type: DOCX, XLSX, PPTX; a zip without one is {@code application/zip}), and refuses:
 * <ul>
 * <li>macros: a {@code vbaProject.bin} or {@code vbaData.xml} part, a macro-enabled or VBA content type, Excel 4.0
 * macro sheets, ActiveX controls, an embedded OLE object holding a VBA project, and relationships to an external
 * template, frame, sub-document or OLE object (the "remote template" trick that fetches macros when opened);</li>
 * <li>XML bombs: a DTD or entity declaration in any XML part ({@link XmlDoctypeFinder}), and the content-type
 * list and relationships are parsed with DTDs and external entities off;</li>
 * <li>zip bombs: too many parts, too many inflated bytes, a part that inflates too far ({@link ZipStream});
 * a zip nested anywhere but as an embedded Office object, or more than one level deep (an embedded package is
 * inspected like the outer one, within the same budget);</li>
 * <li>a password-protected part or embedded document: it cannot be checked.</li>
 * </ul>
 */
final class OoxmlPackageInspection implements ContentInspector.Inspection {

    static final String ZIP = "application/zip";
    private static final String OOXML_UNKNOWN = "application/x-tika-ooxml";
    private static final String PREFIX = "application/vnd.openxmlformats-officedocument.";
    private static final int MAX_XML_PART_BYTES = 8 * 1024 * 1024;
    private static final int MAX_NESTING = 1;
    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};
    private static final byte[] OLE2_MAGIC = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};
    private static final int OLE2_PREFIX_BYTES = 64 * 1024;

    /** The main part's content type → the document's media type. */
    private static final Map<String, String> MAIN_PARTS = Map.of(
            PREFIX + "wordprocessingml.document.main+xml", PREFIX + "wordprocessingml.document",
            PREFIX + "spreadsheetml.sheet.main+xml", PREFIX + "spreadsheetml.sheet",
            PREFIX + "presentationml.presentation.main+xml", PREFIX + "presentationml.presentation",
            PREFIX + "wordprocessingml.template.main+xml", PREFIX + "wordprocessingml.template",
            PREFIX + "spreadsheetml.template.main+xml", PREFIX + "spreadsheetml.template",
            PREFIX + "presentationml.template.main+xml", PREFIX + "presentationml.template",
            PREFIX + "presentationml.slideshow.main+xml", PREFIX + "presentationml.slideshow");

    private static final Set<String> EXTERNAL_RELATIONSHIPS_REFUSED = Set.of("attachedTemplate", "frame",
            "subDocument", "oleObject", "package");
    private static final Set<String> VBA_STORAGES = Set.of("VBA", "_VBA_PROJECT_CUR", "_VBA_PROJECT", "Macros");

    private final ZipStream.Budget budget;
    private final ZipStream zip;
    private final int depth;
    private final Set<String> mainTypes = new HashSet<>();
    private boolean contentTypesSeen;
    private Part part;

    OoxmlPackageInspection(ZipStream.Budget budget) {
        this(budget, 0);
    }

    private OoxmlPackageInspection(ZipStream.Budget budget, int depth) {
        this.budget = budget;
        this.depth = depth;
        this.zip = new ZipStream(new Entries(), budget);
    }

    @Override
    public void feed(byte[] bytes, int offset, int length) {
        zip.feed(bytes, offset, length);
    }

    @Override
    public String conclude() {
        if (budget.refusal == null && !zip.complete()) {
            budget.refuse(unreadable("the package ends before its directory"));
        }
        if (budget.refusal != null) {
            throw budget.refusal;
        }
        if (!contentTypesSeen) {
            return ZIP;
        }
        if (mainTypes.size() > 1) {
            throw unreadable("it claims to be more than one kind of document");
        }
        return mainTypes.isEmpty() ? OOXML_UNKNOWN : mainTypes.iterator().next();
    }

    /** One part of the package, as it streams: what it is decides what is kept of it. */
    private final class Part {
        final String name;
        final String lower;
        final byte[] head = new byte[4];
        int headLength;
        XmlDoctypeFinder doctype;
        BoundedBuffer xml;
        OoxmlPackageInspection nested;
        BoundedBuffer ole2;

        Part(String name) {
            this.name = name;
            this.lower = name.toLowerCase(Locale.ROOT);
            if (isXml()) {
                doctype = new XmlDoctypeFinder();
            }
            if (depth == 0 && (name.equals("[Content_Types].xml") || lower.endsWith(".rels"))) {
                xml = new BoundedBuffer(MAX_XML_PART_BYTES);
            }
        }

        boolean isXml() {
            return lower.endsWith(".xml") || lower.endsWith(".rels") || lower.endsWith(".vml");
        }

        void bytes(byte[] bytes, int offset, int length) {
            if (doctype != null) {
                doctype.feed(bytes, offset, length);
                if (doctype.found()) {
                    budget.refuse(tooComplex("an XML part declares a document type or entities (an XML bomb)",
                            "xml doctype in " + name));
                    return;
                }
            }
            if (xml != null) {
                xml.write(bytes, offset, length);
            }
            int from = offset;
            int count = length;
            if (headLength < head.length) {
                int n = Math.min(head.length - headLength, count);
                System.arraycopy(bytes, from, head, headLength, n);
                headLength += n;
                from += n;
                count -= n;
                if (headLength == head.length) {
                    decide();
                }
            }
            if (count == 0) {
                return;
            }
            if (nested != null) {
                nested.feed(bytes, from, count);
            }
            if (ole2 != null && ole2.size() < OLE2_PREFIX_BYTES) {
                ole2.write(bytes, from, (int) Math.min(count, OLE2_PREFIX_BYTES - ole2.size()));
            }
        }

        /** Once the first bytes are known: a nested zip is inspected as a package; an OLE2 object's directory read. */
        private void decide() {
            if (Arrays.equals(head, ZIP_MAGIC)) {
                if (depth >= MAX_NESTING || !lower.contains("embeddings/")) {
                    budget.refuse(tooComplex("it holds a zip file inside it (" + name + ")", "nested zip " + name));
                    return;
                }
                nested = new OoxmlPackageInspection(budget, depth + 1);
                nested.feed(head, 0, head.length);
            } else if (Arrays.equals(head, OLE2_MAGIC)) {
                ole2 = new BoundedBuffer(OLE2_PREFIX_BYTES);
                ole2.write(head, 0, head.length);
            }
        }

        void end() {
            if (budget.refusal != null) {
                return;
            }
            if (nested != null) {
                try {
                    nested.conclude();
                } catch (UploadRejected refused) {
                    budget.refuse(refused);
                    return;
                }
            }
            if (ole2 != null) {
                ole2Object();
            }
            if (xml != null && !xml.overflowed()) {
                if (name.equals("[Content_Types].xml")) {
                    contentTypes(xml.drain());
                } else {
                    relationships(xml.drain());
                }
            } else if (xml != null) {
                budget.refuse(tooComplex("its part " + name + " is larger than "
                        + MAX_XML_PART_BYTES / (1024 * 1024) + " MB", "xml part too large " + name));
            }
        }

        private void ole2Object() {
            byte[] prefix = ole2.drainToArray();
            Set<String> names = Ole2Directory.names(prefix, prefix.length);
            if (names.contains("EncryptedPackage")) {
                budget.refuse(UploadRejected.passwordProtected("embedded protected document " + name));
            } else if (names.stream().anyMatch(VBA_STORAGES::contains)) {
                budget.refuse(macros("embedded object with a VBA project: " + name));
            }
        }
    }

    private final class Entries implements ZipStream.Entries {
        @Override
        public void begin(String name) {
            part = new Part(name);
            String lower = part.lower;
            if (lower.endsWith("vbaproject.bin") || lower.endsWith("vbadata.xml")) {
                budget.refuse(macros("part " + name));
            } else if (lower.contains("activex/")) {
                budget.refuse(macros("ActiveX control " + name));
            } else if (lower.contains("macrosheets/")) {
                budget.refuse(macros("Excel 4.0 macro sheet " + name));
            }
            if (depth == 0 && name.equals("[Content_Types].xml")) {
                contentTypesSeen = true;
            }
        }

        @Override
        public void bytes(byte[] bytes, int offset, int length) {
            part.bytes(bytes, offset, length);
        }

        @Override
        public void end() {
            part.end();
        }
    }

    private void contentTypes(InputStream xml) {
        try {
            XMLStreamReader reader = hardenedFactory().createXMLStreamReader(xml);
            while (reader.hasNext() && budget.refusal == null) {
                if (reader.next() == XMLStreamReader.START_ELEMENT
                        && ("Override".equals(reader.getLocalName()) || "Default".equals(reader.getLocalName()))) {
                    String type = reader.getAttributeValue(null, "ContentType");
                    if (type == null) {
                        continue;
                    }
                    String lower = type.toLowerCase(Locale.ROOT);
                    if (lower.contains("macroenabled") || lower.contains("vbaproject") || lower.contains("activex")
                            || lower.contains("macrosheet")) {
                        budget.refuse(macros("content type " + type));
                    } else if ("Override".equals(reader.getLocalName()) && MAIN_PARTS.containsKey(type)) {
                        mainTypes.add(MAIN_PARTS.get(type));
                    }
                }
            }
        } catch (XMLStreamException | RuntimeException e) {
            budget.refuse(unreadable("its list of content types is not valid XML"));
        }
    }

    private void relationships(InputStream xml) {
        try {
            XMLStreamReader reader = hardenedFactory().createXMLStreamReader(xml);
            while (reader.hasNext() && budget.refusal == null) {
                if (reader.next() == XMLStreamReader.START_ELEMENT && "Relationship".equals(reader.getLocalName())) {
                    String type = String.valueOf(reader.getAttributeValue(null, "Type"));
                    String kind = type.substring(type.lastIndexOf('/') + 1);
                    if (kind.equalsIgnoreCase("vbaProject")) {
                        budget.refuse(macros("relationship to a VBA project"));
                    } else if ("External".equals(reader.getAttributeValue(null, "TargetMode"))
                            && EXTERNAL_RELATIONSHIPS_REFUSED.contains(kind)) {
                        budget.refuse(new UploadRejected(UploadRejected.Reason.ACTIVE_CONTENT,
                                "The selected document fetches a template or object from outside itself when it is"
                                        + " opened. Remove the link (or save a copy without it) and upload it again",
                                "ooxml: external " + kind));
                    }
                }
            }
        } catch (XMLStreamException | RuntimeException e) {
            budget.refuse(unreadable("a list of relationships is not valid XML"));
        }
    }

    /** DTDs and external entities off: the parts were already refused if they declare any. */
    private static XMLInputFactory hardenedFactory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        return factory;
    }

    private static UploadRejected macros(String what) {
        return new UploadRejected(UploadRejected.Reason.ACTIVE_CONTENT,
                "The selected document contains macros or controls that could run when it is opened. Save it as a"
                        + " .docx, .xlsx or .pptx document without macros and upload it again", "ooxml: " + what);
    }

    private static UploadRejected unreadable(String why) {
        return new UploadRejected(UploadRejected.Reason.UNREADABLE, "The selected file could not be read as an Office"
                + " document: " + why + ". Save it again from Word, Excel or PowerPoint and upload it again",
                "ooxml: " + why);
    }

    private static UploadRejected tooComplex(String why, String audit) {
        return new UploadRejected(UploadRejected.Reason.TOO_COMPLEX, "The selected file is too complex to be checked: "
                + why + ". Save it again as a simpler document and upload it again", "ooxml: " + audit);
    }

}
