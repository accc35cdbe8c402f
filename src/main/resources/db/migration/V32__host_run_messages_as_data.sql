-- A host run's texts are stored as message codes with typed arguments (JSON), rendered when read: longer than the
-- sentences they replace, and never clipped (a clipped JSON text could not be read back). Old rows keep their text.
alter table host_run alter column last_message set data type varchar(4000);
alter table host_run alter column failure_reason set data type varchar(4000);
alter table host_run_log alter column message set data type varchar(4000);
alter table host_run_log alter column outcome set data type varchar(255);
