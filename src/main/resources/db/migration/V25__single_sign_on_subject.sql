-- A user who signs in through the OpenID Connect provider is bound to who the provider says they are (its issuer
-- and subject): unlike the user name it sends, that never passes to another person. Null for everyone else.
alter table app_user add column sso_subject varchar(512);
create unique index app_user_sso_subject on app_user (sso_subject);
