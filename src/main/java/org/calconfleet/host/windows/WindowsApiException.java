package org.calconfleet.host.windows;

/** A Windows call failed with a Win32 error code. */
public final class WindowsApiException extends Exception {

    private final int errorCode;

    public WindowsApiException(int errorCode, String message) {
        super(message + " (Win32 error " + errorCode + ")");
        this.errorCode = errorCode;
    }

    public WindowsApiException(int errorCode, String message, Throwable cause) {
        super(message + " (Win32 error " + errorCode + ")", cause);
        this.errorCode = errorCode;
    }

    public int errorCode() {
        return errorCode;
    }
}
