-- One row: the fleet's port policy and the settings of the features that act on it. Lists are stored as
-- comma-separated text in canonical form (ranges and ports ascending); the console parses and checks them.
create table port_policy (
    id                 integer       not null primary key,
    allowed_ranges     varchar(2000) not null,
    reserved_ports     varchar(2000) default '' not null,
    dynamic_allowed    boolean       not null,
    scope              varchar(16)   not null,
    approval_required  boolean       default true not null,
    drift_scan_minutes integer       default 15 not null,
    notify_addresses   varchar(2000) default '' not null,
    version            bigint        not null,
    updated_at         timestamp with time zone not null,
    updated_by         varchar(64)   not null,
    constraint ck_port_policy_single_row check (id = 1),
    constraint ck_port_policy_scope check (scope in ('PER_SERVER', 'PER_SITE', 'FLEET_WIDE')),
    constraint ck_port_policy_drift_scan check (drift_scan_minutes between 1 and 1440)
);

-- The defaults of PortPolicy.DEFAULT: 45000-45999, nothing reserved, 0 allowed, each server its own port.
insert into port_policy (id, allowed_ranges, reserved_ports, dynamic_allowed, scope, approval_required,
                         drift_scan_minutes, notify_addresses, version, updated_at, updated_by)
values (1, '45000-45999', '', true, 'PER_SERVER', true, 15, '', 0, current_timestamp, 'system');
