-- One server, one database per side: the event store and the read models never share tables.
CREATE DATABASE ledgerline_command;
CREATE DATABASE ledgerline_query;

-- The query side reads customers' keys as a login that may only SELECT personal_data_keys: the
-- group's grant comes from the command side's migration V8, which finds the group here.
CREATE ROLE personal_data_key_reader NOLOGIN;
CREATE ROLE ledgerline_key_reader LOGIN PASSWORD 'ledgerline_key_reader' IN ROLE personal_data_key_reader;
