-- A change that retries the failed, rolled-back and needs-attention hosts of a finished rollout names that rollout,
-- so each page links to the other: the retry to its origin, the origin to its retries.
alter table change_request add column retry_of bigint;
alter table change_request add constraint fk_change_request_retry_of foreign key (retry_of) references change_request (id);
create index ix_change_request_retry_of on change_request (retry_of);
