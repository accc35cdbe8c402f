-- Who holds a host run's lease: a token of the execution that claimed it. The lease is renewed while its runner waits
-- (a step can outlast the lease without writing), and only by its holder, so a runner that was taken over learns it.
alter table host_run add column lease_holder varchar(36);
