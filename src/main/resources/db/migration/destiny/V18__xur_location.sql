-- Where a vendor is: a vendor's locations name destinations ("The Tower"), each on a place ("The Last City").
create table manifest_destination (
    version_id bigint not null,
    hash bigint not null,
    name varchar,
    place_hash bigint not null,
    definition text not null,
    primary key (version_id, hash)
);

create table manifest_place (
    version_id bigint not null,
    hash bigint not null,
    name varchar,
    definition text not null,
    primary key (version_id, hash)
);
