/**
 * The dossier receipt (form 01, "Giấy tiếp nhận hồ sơ và hẹn trả kết quả") as a PDF: the national
 * heading, the receiving agency, the dossier code, applicant, times, the appointment date, the
 * dossier's components, how the result is delivered, a QR code of the public tracking link and the
 * signature lines. Fonts with the Vietnamese glyphs come from the class path (Liberation, SIL Open
 * Font License) and are embedded, so the paper looks the same on every machine. Depends on {@code
 * dossier}, {@code catalogue}, {@code identity} and {@code shared}.
 */
package org.opendvc.portal.dossier.receipt;
