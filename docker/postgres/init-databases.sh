#!/bin/sh
# Runs once, when the database volume is created. One server, one database per side: the event store
# and the read models never share tables. The query side reads customers' keys as a login that may
# only SELECT personal_data_keys: the group's grant comes from the command side's migration V8, which
# finds the group here. Reconciliation reads the event table as a login that may only SELECT it: its group's
# grant comes from the command side's migration V13, which finds the group here. The logins' passwords come
# from the environment, never from this file.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
    -v reader_password="$KEY_READER_PASSWORD" -v event_reader_password="$EVENT_READER_PASSWORD" <<'SQL'
CREATE DATABASE ledgerline_command;
CREATE DATABASE ledgerline_query;
CREATE ROLE personal_data_key_reader NOLOGIN;
CREATE ROLE ledgerline_key_reader LOGIN PASSWORD :'reader_password' IN ROLE personal_data_key_reader;
CREATE ROLE event_store_reader NOLOGIN;
CREATE ROLE ledgerline_event_reader LOGIN PASSWORD :'event_reader_password' IN ROLE event_store_reader;
SQL
