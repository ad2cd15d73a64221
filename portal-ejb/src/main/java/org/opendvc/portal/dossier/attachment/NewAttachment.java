package org.opendvc.portal.dossier.attachment;

/**
 * An upload as asked: the received file, and either the number of the dossier component it belongs
 * to or the kind {@code RESULT} (texts as sent; checked by {@link AttachmentService}).
 */
public record NewAttachment(ReceivedFile file, String component, String kind) {}
