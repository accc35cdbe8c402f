/**
 * The {@code HostBackend} for a remote Windows host reached with nothing installed on it (Remote Registry,
 * service control manager, event log over RPC), through a thin {@link org.calconfleet.host.windows.WindowsApi}
 * seam: {@link org.calconfleet.host.windows.JnaWindowsApi} calls Windows natively (console on Windows), and
 * {@code org.calconfleet.host.rpc} speaks the same protocols from Java (console on any OS).
 */
@NullMarked
package org.calconfleet.host.windows;

import org.jspecify.annotations.NullMarked;
