-- Several console nodes on one database.

-- Start-up seeding (demo users and fleet, the first administrator) locks this row first, so that console nodes
-- starting together on an empty database seed it once: the others wait, then find it seeded.
create table seed_lock (
    name varchar(32) not null primary key
);
insert into seed_lock (name) values ('seed');

-- Each node looks every second for host runs another node changed (live progress in its browsers).
create index ix_host_run_updated_at on host_run (updated_at);
