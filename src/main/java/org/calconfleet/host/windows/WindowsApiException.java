package org.calconfleet.host.windows;

/** A Windows call failed with a Win32 error code. */
public final class WindowsApiException extends Exception {

    private final int errorCode;
    private final String reason;

    public WindowsApiException(int errorCode, String message) {
        super(message + " (Win32 error " + errorCode + ")");
        this.errorCode = errorCode;
        this.reason = message;
    }

    public WindowsApiException(int errorCode, String message, Throwable cause) {
        super(message + " (Win32 error " + errorCode + ")", cause);
        this.errorCode = errorCode;
        this.reason = message;
    }

    public int errorCode() {
        return errorCode;
    }

    /** What failed and how the host said so (e.g. an NT status), without the Win32 code. */
    public String reason() {
        return reason;
    }
}
