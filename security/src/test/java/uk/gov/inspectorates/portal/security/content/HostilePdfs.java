package uk.gov.inspectorates.portal.security.content;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.PDJavascriptNameTreeNode;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionGoTo;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionLaunch;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.action.PDPageAdditionalActions;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageFitDestination;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;

/**
 * PDFs carrying each kind of active content, built with PDFBox (saved with object streams, as PDFBox 3 does by
 * default, so what is hidden in compressed objects is covered too), and harmless ones for contrast.
 */
public final class HostilePdfs {

    /** In every script, so a test can search the served bytes for it. */
    public static final String SCRIPT = "app.alert('portal-active-content-marker')";
    public static final byte[] MZ_EXE = "MZ\u0090\u0000portal-embedded-executable-marker".getBytes(StandardCharsets.ISO_8859_1);

    private HostilePdfs() {
    }

    /** Every hostile kind by name. */
    public static Map<String, byte[]> all() {
        return Map.of(
                "javascript-name-tree", javaScriptNameTree(),
                "open-action-javascript", openActionJavaScript(),
                "page-additional-action", pageAdditionalAction(),
                "launch-action", launchAction(),
                "embedded-executable", embeddedExecutable(),
                "xfa-form", xfaForm(),
                "file-uri-link", linkTo("file:///C:/Windows/System32/calc.exe"),
                "escaped-names", escapedNames());
    }

    public static byte[] plain() {
        return build(document -> { });
    }

    public static byte[] javaScriptNameTree() {
        return build(document -> {
            PDJavascriptNameTreeNode scripts = new PDJavascriptNameTreeNode();
            PDActionJavaScript js = new PDActionJavaScript(SCRIPT);
            scripts.setNames(Map.of("init", js));
            PDDocumentNameDictionary names = new PDDocumentNameDictionary(document.getDocumentCatalog());
            names.setJavascript(scripts);
            document.getDocumentCatalog().setNames(names);
        });
    }

    public static byte[] openActionJavaScript() {
        return build(document -> document.getDocumentCatalog().setOpenAction(new PDActionJavaScript(SCRIPT)));
    }

    public static byte[] pageAdditionalAction() {
        return build(document -> {
            PDPageAdditionalActions actions = new PDPageAdditionalActions();
            actions.setO(new PDActionJavaScript(SCRIPT));
            document.getPage(0).setActions(actions);
        });
    }

    public static byte[] launchAction() {
        return build(document -> {
            PDActionLaunch launch = new PDActionLaunch();
            launch.getCOSObject().setString(COSName.F, "cmd.exe");
            document.getDocumentCatalog().setOpenAction(launch);
        });
    }

    public static byte[] embeddedExecutable() {
        return build(document -> {
            try {
                PDComplexFileSpecification spec = new PDComplexFileSpecification();
                spec.setFile("invoice.exe");
                PDEmbeddedFile file = new PDEmbeddedFile(document, new java.io.ByteArrayInputStream(MZ_EXE));
                file.setSubtype("application/x-msdownload");
                spec.setEmbeddedFile(file);
                PDEmbeddedFilesNameTreeNode tree = new PDEmbeddedFilesNameTreeNode();
                tree.setNames(Map.of("invoice.exe", spec));
                PDDocumentNameDictionary names = new PDDocumentNameDictionary(document.getDocumentCatalog());
                names.setEmbeddedFiles(tree);
                document.getDocumentCatalog().setNames(names);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    public static byte[] xfaForm() {
        return build(document -> {
            PDAcroForm form = new PDAcroForm(document);
            COSStream xfa = document.getDocument().createCOSStream();
            try (var out = xfa.createOutputStream()) {
                out.write(("<xdp:xdp xmlns:xdp=\"http://ns.adobe.com/xdp/\"><script>" + SCRIPT
                        + "</script></xdp:xdp>").getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            form.getCOSObject().setItem(COSName.getPDFName("XFA"), xfa);
            document.getDocumentCatalog().setAcroForm(form);
        });
    }

    /** A page with a link annotation to {@code uri}. */
    public static byte[] linkTo(String uri) {
        return build(document -> {
            PDAnnotationLink link = new PDAnnotationLink();
            link.setRectangle(new PDRectangle(72, 700, 200, 20));
            PDActionURI action = new PDActionURI();
            action.setURI(uri);
            link.setAction(action);
            try {
                document.getPage(0).getAnnotations().add(link);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Opens at its first page (a GoTo OpenAction): navigation, not active content. */
    public static byte[] openActionGoTo() {
        return build(document -> {
            PDPageFitDestination destination = new PDPageFitDestination();
            destination.setPage(document.getPage(0));
            PDActionGoTo goTo = new PDActionGoTo();
            goTo.setDestination(destination);
            document.getDocumentCatalog().setOpenAction(goTo);
        });
    }

    /** Written by hand: JavaScript behind #-escaped names (/J#61vaScript, /J#53), which a byte search misses. */
    public static byte[] escapedNames() {
        List<String> objects = List.of(
                "<< /Type /Catalog /Pages 2 0 R /OpenAction 4 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
                "<< /S /J#61vaScript /J#53 (" + SCRIPT + ") >>");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, "%PDF-1.4\n");
        long[] offsets = new long[objects.size()];
        for (int i = 0; i < objects.size(); i++) {
            offsets[i] = out.size();
            write(out, (i + 1) + " 0 obj\n" + objects.get(i) + "\nendobj\n");
        }
        long xref = out.size();
        StringBuilder table = new StringBuilder("xref\n0 " + (objects.size() + 1) + "\n0000000000 65535 f \n");
        for (long offset : offsets) {
            table.append(String.format("%010d 00000 n \n", offset));
        }
        write(out, table + "trailer\n<< /Size " + (objects.size() + 1) + " /Root 1 0 R >>\nstartxref\n" + xref
                + "\n%%EOF\n");
        return out.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static byte[] build(Consumer<PDDocument> hostile) {
        try (PDDocument document = new PDDocument()) {
            document.addPage(new PDPage(PDRectangle.A4));
            hostile.accept(document);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }


}
