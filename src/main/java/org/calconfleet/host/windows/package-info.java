/**
 * The {@code HostBackend} for a remote Windows host reached with nothing installed on it (Remote Registry,
 * service control manager, event log over RPC), through a thin {@link org.calconfleet.host.windows.WindowsApi}
 * seam whose only JNA implementation is {@link org.calconfleet.host.windows.JnaWindowsApi}.
 */
@NullMarked
package org.calconfleet.host.windows;

import org.jspecify.annotations.NullMarked;
