-- A host run's lease: until when its runner, renewed with each of its writes, keeps a second runner (a revived
-- execution) from acting on the host. The run's version is the fence that stops an older runner at its next write.
alter table host_run add column lease_until timestamp with time zone;
