package org.calconfleet.api;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;

/**
 * Streams a CSV download straight into the response, but commits to "200, text/csv" only at the first character:
 * a service that refuses before writing (no right, say) still gets its problem-detail answer.
 */
public final class CsvResponseWriter extends Writer {

    private final HttpServletResponse response;
    private final String fileName;
    private @Nullable Writer target;

    public CsvResponseWriter(HttpServletResponse response, String fileName) {
        this.response = response;
        this.fileName = fileName;
    }

    @Override
    public void write(char[] buffer, int offset, int length) throws IOException {
        target().write(buffer, offset, length);
    }

    @Override
    public void flush() throws IOException {
        target().flush();
    }

    @Override
    public void close() throws IOException {
        if (target != null) {
            target.close();
        }
    }

    private Writer target() throws IOException {
        if (target == null) {
            response.setContentType("text/csv;charset=UTF-8");
            response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                    ContentDisposition.attachment().filename(fileName).build().toString());
            target = response.getWriter();
        }
        return target;
    }
}
