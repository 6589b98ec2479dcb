-- A Tower account's Bungie.net login. Tokens are AES-GCM ciphertexts (Base64), never plain; they are null once the
-- player logged out of Bungie.net or the refresh token ran out, while the link itself stays (a later Bungie login
-- signs in the same Tower account). 64-bit Bungie ids are kept as text.
create table bungie_link (
    account_id            bigint        not null primary key references account (id) on delete cascade,
    bungie_membership_id  varchar(20)   not null,
    membership_type       integer       not null,
    destiny_membership_id varchar(20)   not null,
    display_name          varchar(100)  not null,
    access_token          varchar(4000),
    access_expires_at     timestamp with time zone,
    refresh_token         varchar(4000),
    refresh_expires_at    timestamp with time zone,
    updated_at            timestamp with time zone not null,
    constraint bungie_link_membership_key unique (bungie_membership_id)
);
