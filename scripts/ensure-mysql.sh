#!/usr/bin/env bash
# Makes sure a MariaDB (or MySQL) server answers on 127.0.0.1:3306 as root
# without a password, with a `test` database: installs MariaDB from Debian's
# packages if absent, starts it if down. The MySQL variants of the store,
# outbound and CLI tests log in as BYTE8_TEST_MYSQL_URL (mysql://root@127.0.0.1:3306/test).
set -uo pipefail
client() { command -v mariadb >/dev/null 2>&1 && echo mariadb || echo mysql; }
answers() { "$(client)" -h 127.0.0.1 -P 3306 -u root -e "select 1" >/dev/null 2>&1; }

if answers; then
  "$(client)" -h 127.0.0.1 -P 3306 -u root -e "CREATE DATABASE IF NOT EXISTS test" || exit 1
  exit 0
fi
if ! command -v mariadbd >/dev/null 2>&1 && ! command -v mysqld >/dev/null 2>&1; then
  echo "installing MariaDB"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq mariadb-server >/dev/null || exit 1
fi
echo "starting MariaDB"
service mariadb start >/dev/null 2>&1 || service mysql start >/dev/null 2>&1 || {
  mkdir -p /run/mysqld && chown mysql:mysql /run/mysqld 2>/dev/null
  (mysqld_safe --bind-address=127.0.0.1 --port=3306 >/dev/null 2>&1 &)
}
for _ in $(seq 1 30); do
  "$(client)" -u root -e "select 1" >/dev/null 2>&1 && break
  sleep 1
done
# Debian's root logs in by unix socket only; the tests log in over TCP without a password.
"$(client)" -u root -e "ALTER USER 'root'@'localhost' IDENTIFIED VIA mysql_native_password USING PASSWORD('') OR unix_socket; CREATE DATABASE IF NOT EXISTS test" 2>/dev/null \
  || "$(client)" -u root -e "CREATE DATABASE IF NOT EXISTS test" || exit 1
answers || { echo "MariaDB does not answer on 127.0.0.1:3306 as root" >&2; exit 1; }
