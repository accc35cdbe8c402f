-- A host run's log lines are found through one index on exactly their run: H2 had kept an index of its own for the
-- foreign key (V5 declared the key before the index on (host_run_id, id), and H2 reuses only an index on exactly the
-- key's columns) beside that one, so every log line the engine wrote went into two. The index is made before the key
-- is declared again, so that H2 takes it for the key. A run's lines are few, and read in id order by a sort.
alter table host_run_log drop constraint fk_host_run_log_run;
drop index ix_host_run_log_run;
create index ix_host_run_log_run on host_run_log (host_run_id);
alter table host_run_log add constraint fk_host_run_log_run foreign key (host_run_id) references host_run (id);
