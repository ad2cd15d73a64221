package org.opendvc.portal.dossier.receipt;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.util.Map;

/**
 * A QR code as an 8-bit grey image for a PDF (DeviceGray, one byte per pixel, 0 black and 255
 * white), with the quiet zone of four modules that scanners need. Eight bits rather than one:
 * OpenPDF stores one-bit images as CCITT G4, which nothing in the stack reads back, while grey
 * pixels are Flate-compressed to a few hundred bytes all the same.
 */
final class QrCode {

  /** Pixels per module: sharp edges for any scanner or decoder, still a small image. */
  static final int PIXELS_PER_MODULE = 4;

  final int width;
  final int height;
  final byte[] pixels;

  private QrCode(int width, int height, byte[] pixels) {
    this.width = width;
    this.height = height;
    this.pixels = pixels;
  }

  static QrCode of(String text) {
    BitMatrix modules;
    try {
      // size 0: one pixel per module, plus the margin
      modules =
          new QRCodeWriter()
              .encode(
                  text,
                  BarcodeFormat.QR_CODE,
                  0,
                  0,
                  Map.of(
                      EncodeHintType.ERROR_CORRECTION,
                      ErrorCorrectionLevel.M,
                      EncodeHintType.CHARACTER_SET,
                      "UTF-8",
                      EncodeHintType.MARGIN,
                      4));
    } catch (WriterException e) {
      throw new IllegalArgumentException("cannot encode a QR code of " + text, e);
    }
    int n = PIXELS_PER_MODULE;
    int width = modules.getWidth() * n;
    int height = modules.getHeight() * n;
    byte[] pixels = new byte[width * height];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        pixels[y * width + x] = modules.get(x / n, y / n) ? 0 : (byte) 0xFF;
      }
    }
    return new QrCode(width, height, pixels);
  }
}
