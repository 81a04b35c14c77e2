package dev.hangar.api.databases;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import dev.hangar.api.databases.DatabasesDtos.Detail;
import java.io.ByteArrayOutputStream;
import java.time.Instant;

/** The connection details as a PDF (OpenPDF). The password is not in it: it is shown only once. */
final class CredentialsPdf {

    private CredentialsPdf() {
    }

    static byte[] render(Detail database) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document();
        try {
            PdfWriter.getInstance(document, out);
            document.addTitle("Hangar database credentials");
            document.addCreator("Hangar");
            document.open();
            document.add(new Paragraph("Database credentials", FontFactory.getFont(FontFactory.HELVETICA_BOLD, 18)));
            document.add(new Paragraph(" "));
            PdfPTable table = new PdfPTable(2);
            table.setWidthPercentage(100);
            row(table, "Instance", database.id());
            row(table, "Engine", database.engine());
            row(table, "Database", database.databaseName());
            row(table, "Host", database.host());
            row(table, "Port", String.valueOf(database.port()));
            row(table, "Username", database.username());
            row(table, "Connection string", database.connectionString());
            row(table, "Status", database.status());
            row(table, "Created", String.valueOf(database.createdAt()));
            document.add(table);
            document.add(new Paragraph(" "));
            document.add(new Paragraph("The password was shown once, when the database was created or its password "
                    + "rotated. Rotate it to get a new one.", FontFactory.getFont(FontFactory.HELVETICA, 10, Font.ITALIC)));
            document.add(new Paragraph("Generated " + Instant.now(), FontFactory.getFont(FontFactory.HELVETICA, 8)));
        } catch (DocumentException e) {
            throw new IllegalStateException("cannot render the credentials PDF", e);
        } finally {
            document.close();
        }
        return out.toByteArray();
    }

    private static void row(PdfPTable table, String label, String value) {
        table.addCell(new Paragraph(label, FontFactory.getFont(FontFactory.HELVETICA_BOLD, 11)));
        table.addCell(new Paragraph(value == null ? "" : value, FontFactory.getFont(FontFactory.COURIER, 10)));
    }
}
