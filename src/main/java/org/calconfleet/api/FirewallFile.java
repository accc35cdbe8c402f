package org.calconfleet.api;

import org.calconfleet.port.FirewallExport;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The two files a firewall export is asked for in: the rules as CSV, or a {@code netsh advfirewall} script. */
public enum FirewallFile {
    csv("text/csv;charset=UTF-8", ".csv"),
    netsh("text/plain;charset=UTF-8", ".cmd");

    private final String mediaType;
    private final String extension;

    FirewallFile(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public ResponseEntity<String> response(FirewallExport export, String fileName) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(mediaType))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(fileName + extension).build().toString())
                .body(this == csv ? export.csv() : export.netshScript());
    }
}
