-- How far the audit trail has been forwarded to the SIEM (README, "Forwarding the audit trail to a SIEM"). The trail is
-- append-only, so a cursor over it is a durable queue: what lies after forwarded_seq is what is still to send. One row;
-- the node that forwards locks it, and what went wrong last is kept for the health check of every node.
create table audit_forwarding (
    id                  integer not null primary key,
    forwarded_seq       bigint  not null,
    forwarded_at        timestamp with time zone,
    failures            integer not null,
    failing_since       timestamp with time zone,
    last_failure_at     timestamp with time zone,
    last_failure        varchar(32),
    last_failure_detail varchar(1000)
);
insert into audit_forwarding (id, forwarded_seq, failures) values (1, 0, 0);
