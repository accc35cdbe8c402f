-- The sites an OPERATOR or HELPDESK user is limited to (the Osaka team manages Osaka). A user with no row here is
-- unlimited, the default.
create table user_site (
    user_id bigint      not null,
    site    varchar(64) not null,
    constraint pk_user_site primary key (user_id, site),
    constraint fk_user_site_user foreign key (user_id) references app_user (id) on delete cascade
);
