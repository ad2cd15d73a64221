package org.opendvc.portal.dossier.receipt;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.PdfWriter;
import com.lowagie.text.pdf.draw.LineSeparator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import org.opendvc.portal.calendar.WorkingCalendar;
import org.opendvc.portal.catalogue.ProcedureDetails;
import org.opendvc.portal.catalogue.ProcedureDetails.ComponentGroup;
import org.opendvc.portal.dossier.ApplicantType;
import org.opendvc.portal.dossier.Channel;
import org.opendvc.portal.shared.Messages;

/**
 * Lays out the receipt (form 01 of Circular 01/2018/TT-VPCP) on A4 with the margins of Decree
 * 30/2020 and a Times-compatible serif (Liberation Serif, embedded). Texts come from the message
 * bundle; the paper is official, so it is always Vietnamese. Times are in Asia/Ho_Chi_Minh.
 */
public final class ReceiptPdf {

  static final Locale LANGUAGE = Messages.VIETNAMESE;
  private static final float MM = 72f / 25.4f;
  private static final float SIZE = 12.5f;

  private final BaseFont regular;
  private final BaseFont bold;
  private final BaseFont italic;

  private ReceiptPdf() {
    regular = font("LiberationSerif-Regular.ttf", Fonts.REGULAR);
    bold = font("LiberationSerif-Bold.ttf", Fonts.BOLD);
    italic = font("LiberationSerif-Italic.ttf", Fonts.ITALIC);
  }

  /** The receipt as the bytes of a PDF document. */
  public static byte[] render(ReceiptData data) {
    return new ReceiptPdf().write(data);
  }

  private byte[] write(ReceiptData r) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
    Document doc = new Document(PageSize.A4, 30 * MM, 20 * MM, 20 * MM, 20 * MM);
    try {
      PdfWriter writer = PdfWriter.getInstance(doc, out);
      writer.setPdfVersion(PdfWriter.VERSION_1_7);
      doc.addTitle(text("receipt.pdfTitle", r.code()));
      doc.addSubject(text("receipt.title"));
      doc.addAuthor(nfc(r.agencyName()));
      doc.addCreator("opendvc portal");
      writer.getExtraCatalog().put(new PdfName("Lang"), new PdfString("vi"));
      doc.open();
      heading(doc, r);
      body(doc, r);
      tracking(doc, r);
      signatures(doc, r);
      doc.close();
    } catch (DocumentException e) {
      throw new IllegalStateException("cannot lay out the receipt of " + r.code(), e);
    }
    return out.toByteArray();
  }

  /** The agency on the left, the national heading on the right, then title and code. */
  private void heading(Document doc, ReceiptData r) throws DocumentException {
    PdfPTable head = table(new float[] {45, 55});
    Paragraph left = centred();
    if (blank(r.parentAgencyName()) == null) {
      left.add(new Phrase(upper(r.agencyName()) + "\n", f(bold, 10.5f)));
    } else {
      left.add(new Phrase(upper(r.parentAgencyName()) + "\n", f(regular, 10.5f)));
      left.add(new Phrase(upper(r.agencyName()) + "\n", f(bold, 10.5f)));
    }
    left.add(new Phrase(text("receipt.desk") + "\n", f(bold, 10)));
    left.add(rule(30));
    Paragraph right = centred();
    right.add(new Phrase(text("receipt.nation") + "\n", f(bold, 11)));
    right.add(new Phrase(text("receipt.motto") + "\n", f(bold, 12)));
    right.add(rule(52));
    head.addCell(cell(left));
    head.addCell(cell(right));
    head.addCell(cell(centred()));
    Paragraph dated = centred();
    ZonedDateTime day = local(r.receivedAt());
    dated.add(
        new Phrase(
            text(
                "receipt.dated",
                two(day.getDayOfMonth()),
                two(day.getMonthValue()),
                String.valueOf(day.getYear())),
            f(italic, SIZE)));
    head.addCell(cell(dated));
    doc.add(head);

    Paragraph title = centred();
    title.setSpacingBefore(14);
    title.add(new Phrase(text("receipt.title"), f(bold, 14)));
    doc.add(title);
    Paragraph code = centred();
    code.setSpacingAfter(10);
    code.add(new Phrase(text("receipt.code", r.code()), f(bold, 13)));
    doc.add(code);
  }

  private void body(Document doc, ReceiptData r) throws DocumentException {
    doc.add(line(text("receipt.receivedBy", nfc(r.agencyName())), null));
    ApplicantType type = r.applicantType() == null ? ApplicantType.CITIZEN : r.applicantType();
    doc.add(line(text("receipt.applicant." + type.name()), r.applicantName(), true));
    if (blank(r.applicantIdNumber()) != null) {
      doc.add(line(text("receipt.idNumber." + type.name()), r.applicantIdNumber()));
    }
    if (blank(r.applicantAddress()) != null) {
      doc.add(line(text("receipt.address"), r.applicantAddress()));
    }
    if (blank(r.applicantPhone()) != null) {
      doc.add(line(text("receipt.phone"), r.applicantPhone()));
    }
    if (blank(r.applicantEmail()) != null) {
      doc.add(line(text("receipt.email"), r.applicantEmail()));
    }
    doc.add(
        line(
            text("receipt.request"),
            text("receipt.procedure", nfc(r.procedureName()), r.procedureCode()),
            true));

    int n = 1;
    doc.add(line(n++ + ". " + text("receipt.components"), null));
    if (r.received() != null) {
      received(doc, r.received());
    } else {
      components(doc, r.components());
    }
    ZonedDateTime received = local(r.receivedAt());
    doc.add(
        line(
            n++ + ". " + text("receipt.receivedAt"),
            text(
                "receipt.dateTime",
                two(received.getHour()),
                two(received.getMinute()),
                two(received.getDayOfMonth()),
                two(received.getMonthValue()),
                String.valueOf(received.getYear()))));
    String due;
    if (r.dueAt() == null) {
      due = text("receipt.due.pending");
    } else {
      ZonedDateTime d = local(r.dueAt());
      due =
          text(
              "receipt.date",
              two(d.getDayOfMonth()),
              two(d.getMonthValue()),
              String.valueOf(d.getYear()));
    }
    doc.add(line(n++ + ". " + text("receipt.due"), due, true));
    Channel channel = r.channel() == null ? Channel.COUNTER : r.channel();
    doc.add(
        line(
            n + ". " + text("receipt.delivery"),
            text("receipt.delivery." + channel.name(), nfc(r.agencyName()))));
  }

  /** What an online submission really brought: each file, and each paper promised on paper. */
  private void received(Document doc, List<ReceiptData.ReceivedPaper> papers)
      throws DocumentException {
    if (papers.isEmpty()) {
      doc.add(indented(new Phrase(text("receipt.received.none"), f(italic, SIZE)), 14));
      return;
    }
    char letter = 'a';
    for (ReceiptData.ReceivedPaper paper : papers) {
      Phrase p = new Phrase();
      String marker = letter <= 'z' ? letter + ") " : "- ";
      letter++;
      p.add(new Chunk(marker + nfc(paper.componentName()), f(regular, SIZE)));
      p.add(
          new Chunk(
              " ("
                  + (paper.promised()
                      ? text("receipt.received.promised")
                      : text("receipt.received.file", nfc(paper.fileName())))
                  + ")",
              f(italic, SIZE - 1)));
      doc.add(indented(p, 14));
    }
  }

  private void components(Document doc, List<ComponentGroup> groups) throws DocumentException {
    boolean any = groups.stream().anyMatch(g -> !g.documents().isEmpty());
    if (!any) {
      doc.add(indented(new Phrase(text("receipt.components.none"), f(italic, SIZE)), 14));
      return;
    }
    for (ComponentGroup group : groups) {
      if (group.documents().isEmpty()) {
        continue;
      }
      if (blank(group.caseName()) != null && groups.size() > 1) {
        doc.add(indented(new Phrase(nfc(group.caseName()), f(italic, SIZE)), 14));
      }
      char letter = 'a';
      for (ProcedureDetails.Document d : group.documents()) {
        Phrase p = new Phrase();
        String marker = letter <= 'z' ? letter + ") " : "- ";
        letter++;
        p.add(new Chunk(marker + nfc(d.name()), f(regular, SIZE)));
        if (d.originals() > 0 || d.copies() > 0) {
          p.add(
              new Chunk(
                  " ("
                      + text(
                          "receipt.copies",
                          String.valueOf(d.originals()),
                          String.valueOf(d.copies()))
                      + ")",
                  f(italic, SIZE - 1)));
        }
        doc.add(indented(p, 14));
      }
    }
  }

  /** The QR code of the tracking address, with the address printed under it. */
  private void tracking(Document doc, ReceiptData r) throws DocumentException {
    Paragraph hint = new Paragraph(SIZE * 1.25f, "", f(regular, SIZE));
    hint.setSpacingBefore(8);
    hint.add(new Phrase(text("receipt.tracking"), f(italic, SIZE - 1)));
    doc.add(hint);
    String url = r.trackingUrl().toASCIIString();
    QrCode qr = QrCode.of(url);
    Image image = Image.getInstance(qr.width, qr.height, 1, 8, qr.pixels);
    image.scaleAbsolute(32 * MM, 32 * MM);
    image.setAlignment(Element.ALIGN_CENTER);
    image.setAlt(url);
    doc.add(image);
    Paragraph under = centred();
    under.add(new Phrase(url, f(regular, 10)));
    doc.add(under);
  }

  private void signatures(Document doc, ReceiptData r) throws DocumentException {
    PdfPTable sign = table(new float[] {50, 50});
    sign.setSpacingBefore(12);
    sign.setKeepTogether(true);
    sign.addCell(cell(signature(text("receipt.applicantSigns"), r.applicantName())));
    sign.addCell(cell(signature(text("receipt.officerSigns"), r.receivingOfficer())));
    doc.add(sign);
  }

  private Paragraph signature(String role, String name) {
    Paragraph p = centred();
    p.add(new Phrase(role + "\n", f(bold, SIZE)));
    p.add(new Phrase(text("receipt.signHint") + "\n\n\n\n\n", f(italic, SIZE - 1)));
    if (blank(name) != null) {
      p.add(new Phrase(nfc(name), f(bold, SIZE)));
    }
    return p;
  }

  private Paragraph line(String label, String value) {
    return line(label, value, false);
  }

  private Paragraph line(String label, String value, boolean strong) {
    Paragraph p = new Paragraph(SIZE * 1.35f, "", f(regular, SIZE));
    p.setSpacingAfter(2);
    p.add(new Chunk(label, f(regular, SIZE)));
    if (value != null) {
      p.add(new Chunk(" " + nfc(value), f(strong ? bold : regular, SIZE)));
    }
    return p;
  }

  private Paragraph indented(Phrase content, float indent) {
    Paragraph p = new Paragraph(SIZE * 1.3f, "", f(regular, SIZE));
    p.setIndentationLeft(indent);
    p.add(content);
    return p;
  }

  private Paragraph centred() {
    Paragraph p = new Paragraph(SIZE * 1.25f, "", f(regular, SIZE));
    p.setAlignment(Element.ALIGN_CENTER);
    return p;
  }

  /**
   * A short centred rule under a heading, as wide as the given percentage of its column, on a line
   * of its own. (The chunk gets the embedded font: the default one is a Helvetica that is not
   * embedded.)
   */
  private Chunk rule(float percent) {
    Chunk rule = new Chunk(new LineSeparator(0.6f, percent, null, Element.ALIGN_CENTER, 8));
    rule.setFont(f(regular, 4));
    return rule;
  }

  private static PdfPTable table(float[] widths) {
    PdfPTable t = new PdfPTable(widths);
    t.setWidthPercentage(100);
    return t;
  }

  private static PdfPCell cell(Paragraph content) {
    PdfPCell c = new PdfPCell();
    c.setBorder(Rectangle.NO_BORDER);
    c.setPaddingBottom(6);
    c.addElement(content);
    return c;
  }

  private static Font f(BaseFont base, float size) {
    return new Font(base, size);
  }

  private static String text(String key, Object... args) {
    return Messages.get(LANGUAGE, key, args);
  }

  private static ZonedDateTime local(Instant at) {
    return at.atZone(WorkingCalendar.ZONE);
  }

  private static String two(int n) {
    return n < 10 ? "0" + n : String.valueOf(n);
  }

  private static String upper(String s) {
    return nfc(s).toUpperCase(LANGUAGE);
  }

  private static String blank(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  /** Composed characters: a name typed as "e" + combining marks still finds the font's glyph. */
  private static String nfc(String s) {
    return s == null ? "" : Normalizer.normalize(s.strip(), Normalizer.Form.NFC);
  }

  private static BaseFont font(String file, byte[] bytes) {
    try {
      return BaseFont.createFont(file, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, bytes, null);
    } catch (DocumentException | IOException e) {
      throw new IllegalStateException("cannot read the font " + file, e);
    }
  }

  /**
   * The font files, read once from the class path (openpdf-fonts-extra). Each document parses its
   * own {@link BaseFont} from them, so concurrent receipts share nothing mutable.
   */
  private static final class Fonts {
    static final byte[] REGULAR = read("LiberationSerif-Regular.ttf");
    static final byte[] BOLD = read("LiberationSerif-Bold.ttf");
    static final byte[] ITALIC = read("LiberationSerif-Italic.ttf");

    private static byte[] read(String file) {
      String path = "liberation/" + file;
      try (InputStream in = ReceiptPdf.class.getClassLoader().getResourceAsStream(path)) {
        if (in == null) {
          throw new IllegalStateException(
              "the font "
                  + path
                  + " is not on the class path:"
                  + " it comes with com.github.librepdf:openpdf-fonts-extra");
        }
        return in.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the font " + path, e);
      }
    }
  }
}
