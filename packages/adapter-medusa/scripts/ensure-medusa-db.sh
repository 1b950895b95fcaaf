#!/usr/bin/env bash
# Medusa's test runner logs in over TCP with DB_USERNAME/DB_PASSWORD. When the
# server asks TCP logins for a password (Debian's default scram), give the
# postgres role the password the suites use. Under trust auth (the CI default)
# nothing changes: trust ignores passwords, so other suites are unaffected.
set -uo pipefail
user="${DB_USERNAME:-postgres}"
password="${DB_PASSWORD:-postgres}"
host="${DB_HOST:-localhost}"
if PGPASSWORD="$password" psql -h "$host" -U "$user" -d postgres -qtAc 'select 1' >/dev/null 2>&1; then
  exit 0
fi
echo "setting a password for role $user (TCP logins require one)"
if [ "$(id -u)" = 0 ] && id postgres >/dev/null 2>&1; then
  su postgres -c "psql -qtAc \"ALTER USER \\\"$user\\\" PASSWORD '$password'\"" || exit 1
else
  psql -U postgres -d postgres -qtAc "ALTER USER \"$user\" PASSWORD '$password'" || exit 1
fi
PGPASSWORD="$password" psql -h "$host" -U "$user" -d postgres -qtAc 'select 1' >/dev/null
