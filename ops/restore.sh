#!/usr/bin/env bash
# Restores a backup made by backup.sh into an EMPTY database and an empty blob directory, with the
# application stopped. Checks the backup's checksums first; afterwards every document revision's blob is there.
#
#   BACKUP      the folder backup.sh printed
#   DB_HOST DB_PORT DB_NAME DB_USER DB_PASSWORD  the (empty) target database
#   BLOB_DIR    the (empty) target directory of KAKEHASHI_BLOB_DIR
#   MARIADB_BIN folder of the mariadb client, when it is not on the PATH
set -euo pipefail
: "${BACKUP:?BACKUP is required}" "${DB_HOST:=127.0.0.1}" "${DB_PORT:=3306}" "${DB_NAME:=kakehashi}" "${DB_USER:=kakehashi}"
: "${DB_PASSWORD:?DB_PASSWORD is required}"
client="${MARIADB_BIN:+$MARIADB_BIN/}mariadb"

(cd "$BACKUP" && sha256sum --check --quiet SHA256SUMS)

tables=$(MYSQL_PWD="$DB_PASSWORD" "$client" --host="$DB_HOST" --port="$DB_PORT" --user="$DB_USER" -N -e \
    "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = '$DB_NAME' AND table_name <> 'JGROUPSPING'")
if [ "$tables" != "0" ]; then
    echo "Database $DB_NAME is not empty ($tables tables): restore only into an empty database" >&2
    exit 1
fi
gunzip -c "$BACKUP/database.sql.gz" | MYSQL_PWD="$DB_PASSWORD" "$client" --host="$DB_HOST" --port="$DB_PORT" \
    --user="$DB_USER" --default-character-set=utf8mb4 "$DB_NAME"

if [ -f "$BACKUP/blobs.tar.gz" ]; then
    : "${BLOB_DIR:?BLOB_DIR is required: the backup holds a directory blob store}"
    mkdir -p "$BLOB_DIR"
    tar -C "$BLOB_DIR" -xzf "$BACKUP/blobs.tar.gz"
    # Every revision's content must be back, byte for byte.
    missing=0
    while IFS=$'\t' read -r key sha; do
        file="$BLOB_DIR/objects/${key:0:2}/${key:2:2}/$key"
        if [ ! -f "$file" ] || [ "$(sha256sum "$file" | cut -d' ' -f1)" != "$sha" ]; then
            echo "Missing or damaged blob $key" >&2
            missing=$((missing + 1))
        fi
    done < <(MYSQL_PWD="$DB_PASSWORD" "$client" --host="$DB_HOST" --port="$DB_PORT" --user="$DB_USER" -N -B \
        -e "SELECT blob_key, sha256 FROM document_revision" "$DB_NAME")
    if [ "$missing" -gt 0 ]; then
        echo "$missing blob(s) missing or damaged" >&2
        exit 1
    fi
fi
echo "Restored $BACKUP into $DB_NAME${BLOB_DIR:+ and $BLOB_DIR}"
