package org.opendvc.portal.dossier.receipt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.lowagie.text.pdf.PRStream;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfNumber;
import com.lowagie.text.pdf.PdfObject;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.awt.image.BufferedImage;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a receipt PDF back for tests: its text and its QR codes. Shared with the integration tests
 * of portal-web through this module's test jar.
 */
public final class PdfReading {

  private PdfReading() {}

  public static String text(byte[] pdf) throws Exception {
    PdfReader reader = new PdfReader(pdf);
    PdfTextExtractor extractor = new PdfTextExtractor(reader);
    StringBuilder all = new StringBuilder();
    for (int page = 1; page <= reader.getNumberOfPages(); page++) {
      all.append(extractor.getTextFromPage(page)).append('\n');
    }
    return Normalizer.normalize(all.toString(), Normalizer.Form.NFC);
  }

  /** Text without its line breaks and spacing, which extraction does not keep exactly. */
  public static String squeeze(String s) {
    return s.replaceAll("\\s+", "");
  }

  /**
   * Every image in the PDF (8-bit grey, as the receipt writes its QR code), decoded as a QR code.
   */
  public static List<String> qrCodes(byte[] pdf) throws Exception {
    PdfReader reader = new PdfReader(pdf);
    List<String> found = new ArrayList<>();
    for (int i = 1; i < reader.getXrefSize(); i++) {
      PdfObject o = reader.getPdfObject(i);
      if (o instanceof PRStream s && PdfName.IMAGE.equals(s.get(PdfName.SUBTYPE))) {
        int w = ((PdfNumber) s.get(PdfName.WIDTH)).intValue();
        int h = ((PdfNumber) s.get(PdfName.HEIGHT)).intValue();
        assertEquals(8, ((PdfNumber) s.get(PdfName.BITSPERCOMPONENT)).intValue());
        assertEquals(PdfName.DEVICEGRAY, s.get(PdfName.COLORSPACE));
        byte[] pixels = PdfReader.getStreamBytes(s);
        assertEquals(w * h, pixels.length);
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        image.getRaster().setDataElements(0, 0, w, h, pixels);
        found.add(
            new QRCodeReader()
                .decode(
                    new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))),
                    Map.of(DecodeHintType.CHARACTER_SET, "UTF-8"))
                .getText());
      }
    }
    return found;
  }
}
