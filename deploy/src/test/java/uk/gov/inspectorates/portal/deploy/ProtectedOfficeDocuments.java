package uk.gov.inspectorates.portal.deploy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/**
 * Real Word documents, and the same with a password to open as Office 2010 and later write them (MS-OFFCRYPTO
 * agile encryption: an OLE2 container holding {@code EncryptionInfo} and {@code EncryptedPackage}). The security
 * module's detector tests have their own copy (test classes are not shared between modules).
 */
public final class ProtectedOfficeDocuments {

    private ProtectedOfficeDocuments() {
    }

    public static byte[] docx(String text) {
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.createParagraph().createRun().setText(text);
            document.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The OOXML package encrypted with the password, as Office saves it with "Encrypt with password". */
    public static byte[] passwordProtected(byte[] ooxml, String password) {
        try (POIFSFileSystem container = new POIFSFileSystem();
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Encryptor encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
            encryptor.confirmPassword(password);
            try (OutputStream encrypted = encryptor.getDataStream(container)) {
                encrypted.write(ooxml);
            }
            container.writeFilesystem(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not encrypt the test document", e);
        }
    }
}
