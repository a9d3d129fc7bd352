#!/usr/bin/env bash
# Backs up Kakehashi: the database first, then the directory blob store, into one timestamped folder.
# In that order a restored database never refers to a blob the backup lacks: blobs are written before the
# rows that name them and never changed afterwards (a blob newer than the dump is merely unreferenced).
#
#   DB_HOST DB_PORT DB_NAME DB_USER DB_PASSWORD  the MariaDB of KAKEHASHI_DB_URL
#   BLOB_DIR    KAKEHASHI_BLOB_DIR (leave empty with the S3 store: version the bucket instead)
#   BACKUP_DIR  where the backup folder is made
#   MARIADB_BIN folder of mariadb-dump, when it is not on the PATH
set -euo pipefail
: "${DB_HOST:=127.0.0.1}" "${DB_PORT:=3306}" "${DB_NAME:=kakehashi}" "${DB_USER:=kakehashi}"
: "${DB_PASSWORD:?DB_PASSWORD is required}" "${BACKUP_DIR:?BACKUP_DIR is required}"
dump="${MARIADB_BIN:+$MARIADB_BIN/}mariadb-dump"

target="$BACKUP_DIR/kakehashi-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$target"

# One consistent snapshot of InnoDB without locking out the application.
MYSQL_PWD="$DB_PASSWORD" "$dump" --host="$DB_HOST" --port="$DB_PORT" --user="$DB_USER" \
    --single-transaction --quick --routines --triggers --hex-blob --default-character-set=utf8mb4 \
    --ignore-table="$DB_NAME.JGROUPSPING" "$DB_NAME" | gzip > "$target/database.sql.gz"

if [ -n "${BLOB_DIR:-}" ]; then
    tar -C "$BLOB_DIR" -czf "$target/blobs.tar.gz" objects
fi
(cd "$target" && sha256sum -- * > SHA256SUMS)
echo "$target"
