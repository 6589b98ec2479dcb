-- What a personal API token may do. Tokens issued before scopes existed acted as their account, so they
-- become 'api' tokens: nobody loses access they already had.
alter table api_token add column scope varchar(20) not null default 'api';
