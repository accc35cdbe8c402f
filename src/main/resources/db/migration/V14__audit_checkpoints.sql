-- The signed checkpoints of the audit chain that the console wrote (their files live outside the database). The list
-- lets verification notice a checkpoint file that was removed, the newest included.
create table audit_checkpoint (
    checkpoint_no bigint primary key,
    seq           bigint      not null,
    head_hash     varchar(64) not null,
    written_at    timestamp with time zone not null,
    node          varchar(255) not null
);
