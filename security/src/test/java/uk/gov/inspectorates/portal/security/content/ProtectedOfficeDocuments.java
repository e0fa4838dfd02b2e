package uk.gov.inspectorates.portal.security.content;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/**
 * Real Word and Excel documents, and the same with a password to open as Office 2010 and later write them
 * (MS-OFFCRYPTO agile encryption: an OLE2 container holding {@code EncryptionInfo} and {@code EncryptedPackage}).
 */
final class ProtectedOfficeDocuments {

    private ProtectedOfficeDocuments() {
    }

    static byte[] docx(String text) throws IOException {
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.createParagraph().createRun().setText(text);
            document.write(out);
            return out.toByteArray();
        }
    }

    static byte[] xlsx(String text) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            workbook.createSheet("Evidence").createRow(0).createCell(0).setCellValue(text);
            workbook.write(out);
            return out.toByteArray();
        }
    }

    /** The OOXML package encrypted with the password, as Office saves it with "Encrypt with password". */
    static byte[] passwordProtected(byte[] ooxml, String password) throws IOException {
        try (POIFSFileSystem container = new POIFSFileSystem();
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Encryptor encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
            encryptor.confirmPassword(password);
            try (OutputStream encrypted = encryptor.getDataStream(container)) {
                encrypted.write(ooxml);
            } catch (GeneralSecurityException e) {
                throw new IOException("could not encrypt the test document", e);
            }
            container.writeFilesystem(out);
            return out.toByteArray();
        }
    }
}
