-- A server's claim by the rollout that may act on it, from the approval until its host run ends, now in a narrow
-- table of its own: approving a change of 10,000 hosts inserts 10,000 small rows here instead of rewriting 10,000 host
-- runs (and their unique index), and inserting a change's host runs maintains one index fewer. The primary key keeps a
-- server in at most one active rollout, as the unique constraint on host_run.active_server_id did.
create table server_claim (
    server_id         bigint not null primary key,
    host_run_id       bigint not null,
    change_request_id bigint not null
);
-- made before the foreign key, which H2 then uses instead of making an index of its own
create index ix_server_claim_run on server_claim (host_run_id);
alter table server_claim add constraint fk_server_claim_run foreign key (host_run_id) references host_run (id);

insert into server_claim (server_id, host_run_id, change_request_id)
select active_server_id, id, change_request_id from host_run where active_server_id is not null;

alter table host_run drop constraint uk_host_run_active_server;
alter table host_run drop column active_server_id;
