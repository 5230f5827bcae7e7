#!/usr/bin/env bash
# The services the tests use: PostgreSQL on 127.0.0.1:5432 and Redis on 127.0.0.1:6379. Each is
# checked (pg_isready / redis-cli when installed, else a plain TCP connect) and started when it does
# not answer, with the machine's own commands; a service that still does not answer fails CI with a
# clear message (the tests that need these servers never skip in CI).
set -euo pipefail

tcp_open() { # host port
  (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null
}

pg_answers() {
  if command -v pg_isready >/dev/null 2>&1; then
    pg_isready -q -h 127.0.0.1 -p 5432
  else
    tcp_open 127.0.0.1 5432
  fi
}

redis_answers() {
  if command -v redis-cli >/dev/null 2>&1; then
    [ "$(redis-cli -h 127.0.0.1 -p 6379 ping 2>/dev/null)" = "PONG" ]
  else
    tcp_open 127.0.0.1 6379
  fi
}

wait_for() { # name check-function
  local i
  for i in $(seq 1 60); do
    if "$2"; then
      return 0
    fi
    sleep 0.5
  done
  return 1
}

if pg_answers; then
  echo "PostgreSQL answers on 127.0.0.1:5432"
else
  echo "PostgreSQL does not answer on 127.0.0.1:5432; starting it"
  if [ -d /etc/postgresql ] && command -v pg_ctlcluster >/dev/null 2>&1; then
    pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start || true
  fi
  if ! wait_for PostgreSQL pg_answers; then
    echo "FATAL: PostgreSQL is needed by the tests and does not answer on 127.0.0.1:5432 (tried:" \
      "pg_ctlcluster --skip-systemctl-redirect \$(ls /etc/postgresql) main start)" >&2
    exit 1
  fi
  echo "PostgreSQL started"
fi

if redis_answers; then
  echo "Redis answers on 127.0.0.1:6379"
else
  echo "Redis does not answer on 127.0.0.1:6379; starting it"
  if command -v redis-server >/dev/null 2>&1; then
    mkdir -p /var/lib/redis /var/log/redis
    redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no \
      --dir /var/lib/redis --logfile /var/log/redis/ci.log || true
  fi
  if ! wait_for Redis redis_answers; then
    echo "FATAL: Redis is needed by the tests and does not answer on 127.0.0.1:6379 (tried: redis-server" \
      "--daemonize yes --bind 127.0.0.1 -::1 --port 6379 ...; log: /var/log/redis/ci.log)" >&2
    exit 1
  fi
  echo "Redis started"
fi
