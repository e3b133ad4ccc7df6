-- One server, one database per side: the event store and the read models never share tables.
CREATE DATABASE ledgerline_command;
CREATE DATABASE ledgerline_query;
