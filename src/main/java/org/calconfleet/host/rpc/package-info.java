/**
 * The Windows wire protocols spoken from Java, so that a console on any OS reaches an Exchange host with nothing
 * installed on it: SMB2/3 with NTLM (smbj) to the host's named pipes, DCE/RPC on them (rapid7 dcerpc's NDR
 * framework), and on top MS-RRP ({@code \PIPE\winreg}) for the registry, MS-SCMR ({@code \PIPE\svcctl}) for the
 * service and MS-EVEN ({@code \PIPE\eventlog}) for the event log. The calls the library lacks (registry writes,
 * service enumeration, the whole event log) are written here on its framework from the protocol specifications.
 * {@link org.calconfleet.host.rpc.RpcWindowsApi} implements the {@code host.windows} seam, so the host logic
 * (value types, pending-state waits, error mapping) is the one {@code WindowsHostBackend} already has;
 * {@link org.calconfleet.host.rpc.RpcHostBackends} owns the pooled SMB sessions and hands out backends.
 */
@NullMarked
package org.calconfleet.host.rpc;

import org.jspecify.annotations.NullMarked;
