-- The values a person set on a server, after each edit, with the version the edit gave the server. A client that
-- read version N and saves too late is told what changed since: the values of the newest edit at or before N
-- against the server's values now. Observations raise the version too but change none of these values.
create table server_edit (
    server_id     bigint        not null references exchange_server (id) on delete cascade,
    version       bigint        not null,
    edited_at     timestamp(3) with time zone not null,
    edited_by     varchar(200)  not null,
    server_values varchar(8000) not null,
    primary key (server_id, version)
);
