-- The nodes' relay of live progress now reads the host runs of the changes that are open or ended moments ago, through
-- the change's key, instead of every host run by its update time: the index on updated_at was rewritten by every step
-- of every host run (and on PostgreSQL kept a step's update from being a heap-only one) to serve one read per node
-- and second.
drop index ix_host_run_updated_at;
