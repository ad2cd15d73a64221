package org.opendvc.portal.api.publication;

import java.io.StringWriter;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.opendvc.portal.publication.PublishedResult;
import org.opendvc.portal.publication.ResultFeed;
import org.opendvc.portal.shared.Messages;

/**
 * An agency's newest finished dossiers as an Atom 1.0 feed (RFC 4287). Ids are tag URIs (RFC 4151)
 * made of the agency code and the dossier code, so they stay the same whatever address the portal
 * is reached at; each entry links to the dossier's public tracking page (which asks for the
 * applicant's ID number before it shows anything).
 */
final class AtomFeed {

  static final String MEDIA_TYPE = "application/atom+xml";
  private static final String ATOM = "http://www.w3.org/2005/Atom";
  private static final String TAG = "tag:opendvc.org,2026:";
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
  private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();

  private AtomFeed() {}

  /**
   * The feed document. {@code root} is the portal's address ending in '/', {@code now} the feed's
   * {@code updated} when it has no entry.
   */
  static String write(ResultFeed feed, URI root, Locale locale, Instant now) {
    StringWriter out = new StringWriter();
    try {
      XMLStreamWriter x = XML.createXMLStreamWriter(out);
      x.writeStartDocument("UTF-8", "1.0");
      x.writeStartElement("feed");
      x.writeDefaultNamespace(ATOM);
      x.writeAttribute("xml:lang", locale.getLanguage());
      text(x, "id", TAG + "results:" + feed.agencyCode());
      text(x, "title", Messages.get(locale, "results.feed.title", feed.agencyName()));
      text(x, "subtitle", Messages.get(locale, "results.feed.subtitle"));
      Instant updated = feed.entries().isEmpty() ? now : feed.entries().get(0).finishedAt();
      text(x, "updated", ResultsJson.time(updated).toString());
      link(
          x,
          "self",
          root.resolve("api/v1/results/feed.atom?agency=" + query(feed.agencyCode())),
          MEDIA_TYPE);
      link(x, "alternate", root.resolve("results?agency=" + query(feed.agencyCode())), "text/html");
      x.writeStartElement("author");
      text(x, "name", feed.agencyName());
      x.writeEndElement();
      x.writeStartElement("generator");
      x.writeCharacters(Messages.get(locale, "results.feed.generator"));
      x.writeEndElement();
      for (PublishedResult r : feed.entries()) {
        entry(x, r, root, locale);
      }
      x.writeEndElement();
      x.writeEndDocument();
      x.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("cannot write the Atom feed", e);
    }
    return out.toString();
  }

  private static void entry(XMLStreamWriter x, PublishedResult r, URI root, Locale locale)
      throws XMLStreamException {
    x.writeStartElement("entry");
    text(x, "id", TAG + "dossier:" + r.code());
    text(x, "title", r.code() + " – " + r.procedureName());
    text(x, "updated", ResultsJson.time(r.finishedAt()).toString());
    link(x, "alternate", root.resolve("tracking/" + path(r.code())), "text/html");
    String agency =
        r.transferred()
            ? Messages.get(
                locale, "results.feed.transferred", r.agencyName(), r.receivingAgencyName())
            : r.agencyName();
    text(
        x,
        "summary",
        Messages.get(
            locale,
            "results.feed.summary",
            Messages.get(locale, "timeliness." + r.timeliness().name()),
            agency,
            when(r.receivedAt()),
            when(r.dueAt()),
            when(r.finishedAt()),
            r.applicant().isEmpty() ? "–" : r.applicant()));
    x.writeStartElement("category");
    x.writeAttribute("term", r.timeliness().name());
    x.writeAttribute("label", clean(Messages.get(locale, "timeliness." + r.timeliness().name())));
    x.writeEndElement();
    x.writeEndElement();
  }

  private static String when(Instant t) {
    return t == null ? "–" : WHEN.format(ResultsJson.time(t));
  }

  private static void text(XMLStreamWriter x, String element, String value)
      throws XMLStreamException {
    x.writeStartElement(element);
    x.writeCharacters(clean(value));
    x.writeEndElement();
  }

  private static void link(XMLStreamWriter x, String rel, URI href, String type)
      throws XMLStreamException {
    x.writeEmptyElement("link");
    x.writeAttribute("rel", rel);
    x.writeAttribute("type", type);
    x.writeAttribute("href", href.toString());
  }

  /** Leaves out the control characters XML 1.0 cannot carry. */
  static String clean(String s) {
    return s == null ? "" : s.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF]", "");
  }

  private static String query(String value) {
    return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
  }

  private static String path(String value) {
    return query(value).replace("+", "%20");
  }
}
