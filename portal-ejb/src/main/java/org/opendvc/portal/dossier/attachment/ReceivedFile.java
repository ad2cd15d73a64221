package org.opendvc.portal.dossier.attachment;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A file as received, still in its temporary place: its size, SHA-256 (hex) and the type its first
 * bytes show, with the name and media type its sender declared.
 */
public record ReceivedFile(
    Path temp,
    long size,
    String sha256,
    Optional<FileType> sniffed,
    String declaredName,
    String declaredType) {}
