#!/bin/sh
# backup.sh STORE_DIR BACKUP_DIR [KEEP]: one consistent .tar.gz of the store, the newest KEEP kept.
#
# The store's writers (ingest, revert, rebuild, demo) hold an exclusive flock on STORE/write.lock
# from the copy of the database to its atomic rename; this takes a shared one for the length of
# the copy, so the archive and the database in one backup always belong together. Readers (the
# dashboard) are never blocked; an ingest started meanwhile waits for the copy (seconds).
# Restore: stop the services, unpack into an empty INDICATORS_HOME, start (docs/deploy.md).
set -eu
store=${1:?usage: backup.sh STORE_DIR BACKUP_DIR [KEEP]}
dest=${2:?usage: backup.sh STORE_DIR BACKUP_DIR [KEEP]}
keep=${3:-14}
[ -f "$store/indicators.duckdb" ] || { echo "backup.sh: no store in $store" >&2; exit 1; }
mkdir -p "$dest"
stamp=$(date -u +%Y%m%dT%H%M%S.%3NZ)
name="indicators-$stamp.tar.gz"
tmp="$dest/.$name.partial"
trap 'rm -f "$tmp"' EXIT
flock --shared "$store/write.lock" \
    tar -C "$store" --exclude='./write.lock' --exclude='*.lock' --exclude='*.tmp' --exclude='*.tmp.wal' -czf "$tmp" .
tar -tzf "$tmp" | grep -qx './indicators.duckdb' || { echo "backup.sh: copy incomplete" >&2; exit 1; }
mv "$tmp" "$dest/$name"
trap - EXIT
echo "backup.sh: $dest/$name"
# shellcheck disable=SC2012  # names are our own: indicators-<UTC stamp>.tar.gz
ls -1 "$dest"/indicators-*.tar.gz | sort -r | tail -n +"$((keep + 1))" | while read -r old; do
    rm -f -- "$old"
done
