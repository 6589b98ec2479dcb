-- The item window's manifest tables: stat groups (which stats an item shows, and their scale) and socket
-- categories (the names of an item's perk and mod groups). Item descriptions and plugs come from manifest_item.
create table manifest_stat_group (
    version_id bigint not null,
    hash bigint not null,
    definition text not null,
    primary key (version_id, hash)
);

create table manifest_socket_category (
    version_id bigint not null,
    hash bigint not null,
    name varchar,
    definition text not null,
    primary key (version_id, hash)
);
