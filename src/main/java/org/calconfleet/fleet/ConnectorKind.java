package org.calconfleet.fleet;

public enum ConnectorKind {
    LOTUS_DOMINO, NOVELL_GROUPWISE
}
