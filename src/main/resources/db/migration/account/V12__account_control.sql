-- Roles replace the admin flag: PLAYER sees the Destiny board only (accounts made by a Bungie.net login),
-- USER reads every board, ADMIN also writes. Existing accounts keep what they had.
alter table account add column role varchar(16) not null default 'USER';
update account set role = 'ADMIN' where admin;
alter table account drop column admin;

-- An admin can disable an account; sessions signed in before credentials_changed_at (a new password, a new
-- role, a disabling) are ended at their next request.
alter table account add column disabled boolean not null default false;
alter table account add column credentials_changed_at timestamp with time zone;
