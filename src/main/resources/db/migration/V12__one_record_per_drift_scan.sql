-- Each drift scan left its figures twice: the one-row drift_scan_summary (for the health check) and a fleet_snapshot
-- row (for the charts). The snapshot now holds the scan's own figures too; the health check reads the newest one.
alter table fleet_snapshot add column scanned integer default 0 not null;
alter table fleet_snapshot add column skipped_busy integer default 0 not null;
drop table drift_scan_summary;
create index ix_fleet_snapshot_id_desc on fleet_snapshot (id desc);
