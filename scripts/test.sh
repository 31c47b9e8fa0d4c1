#!/usr/bin/env bash
# The whole test suite, from a clean clone on a fresh Debian machine with Python 3.11:
# installs what is missing (system packages as root, the virtualenv), compiles translations,
# starts a throwaway PostgreSQL cluster and a real Secret Service keyring, runs pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
VENV=${TRIBUNE_VENV:-$ROOT/.venv}
PY=${PYTHON:-python3.11}
command -v "$PY" >/dev/null 2>&1 || PY=python3

# 1. System packages (Debian), only when something is missing.
missing=()
command -v xvfb-run >/dev/null || missing+=(xvfb xauth)
# a real system tray on the virtual screen, for the crisis alert's notification test
command -v trayer >/dev/null || missing+=(trayer)
command -v gnome-keyring-daemon >/dev/null || missing+=(gnome-keyring)
command -v dbus-run-session >/dev/null || missing+=(dbus dbus-user-session)
command -v pdftotext >/dev/null || missing+=(poppler-utils)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
[ -e /usr/lib/x86_64-linux-gnu/libxkbcommon-x11.so.0 ] || [ -e /usr/lib/aarch64-linux-gnu/libxkbcommon-x11.so.0 ] || missing+=(libxkbcommon-x11-0)
[ -e /usr/lib/x86_64-linux-gnu/libEGL.so.1 ] || [ -e /usr/lib/aarch64-linux-gnu/libEGL.so.1 ] || missing+=(libegl1 libgl1)
# Qt's xcb platform (screenshots under xvfb-run) needs each of these.
for lib in cursor:libxcb-cursor0 icccm:libxcb-icccm4 keysyms:libxcb-keysyms1 shape:libxcb-shape0 \
           render-util:libxcb-render-util0 image:libxcb-image0; do
  ls /usr/lib/*/libxcb-"${lib%%:*}".so.* >/dev/null 2>&1 || missing+=("${lib#*:}")
done
ls /usr/lib/*/libfontconfig.so.1 >/dev/null 2>&1 || missing+=(libfontconfig1 fonts-dejavu-core)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Installing system packages: ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "Missing system packages: ${missing[*]} (install them with apt-get as root)" >&2
    exit 1
  fi
fi

# 2. The virtualenv with the project and its test tools.
if [ ! -x "$VENV/bin/python" ]; then
  "$PY" -m venv "$VENV"
fi
if ! "$VENV/bin/python" -c "import app, ui, pytestqt, psycopg, mastodon_mock" >/dev/null 2>&1 \
   || [ pyproject.toml -nt "$VENV/.installed" ]; then
  "$VENV/bin/pip" install -q --upgrade pip
  "$VENV/bin/pip" install -q -e ".[postgres,dev]"
  touch "$VENV/.installed"
fi
export PATH="$VENV/bin:$PATH"

# 3. Translations compiled from their .ts sources.
"$VENV/bin/python" scripts/i18n.py compile
# Tribune's own modules compiled once. Some machines (this project's CI among them) set
# PYTHONDONTWRITEBYTECODE, and then every seat, CLI and app process the tests spawn — over a
# thousand — compiled app/ and ui/ again from source (about 0.2 s each). __pycache__ is
# ignored by git; the installed libraries were compiled by pip.
unset PYTHONDONTWRITEBYTECODE
"$VENV/bin/python" -m compileall -q -j 0 app ui tests benchmarks >/dev/null

# 4. Throwaway PostgreSQL clusters on private sockets and ports: one for a run in one process,
# one per pytest-xdist worker for the whole suite (below). A cluster each, not a database
# each: the change feed's horizon is the oldest write transaction of the whole cluster, and
# the group roles are the cluster's, so one worker's long transactions and people never
# reach another worker's tests.
WORKERS=1
if [ $# -eq 0 ]; then
  # two workers per core, at most four: the suite mostly waits (other processes, servers,
  # the GUI's timers) — with one worker per core it used 0.9 of 2 cores (19 min 21 s), with
  # four 1.6 (10 min 41 s), every test passing
  WORKERS=${TRIBUNE_TEST_WORKERS:-$((2 * $(nproc 2>/dev/null || echo 1)))}
  [ "$WORKERS" -gt 4 ] && WORKERS=4
fi
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
PGBASE=${TRIBUNE_TEST_PG_PORT:-$((20000 + RANDOM % 20000))}
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
PGDIRS=()
cleanup() {
  for dir in "${PGDIRS[@]}"; do
    as_pg "$PGBIN/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$dir"
  done
}
trap cleanup EXIT
for ((i = 0; i < WORKERS; i++)); do
  PGDIR=$(mktemp -d /tmp/tribune-pg.XXXXXX)
  PGDIRS+=("$PGDIR")
  PGPORT=$((PGBASE + i))
  [ "$(id -u)" = 0 ] && chown postgres "$PGDIR"
  as_pg "$PGBIN/initdb" -D "$PGDIR/data" -U tribune --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  # Tribune's people (members of its group roles) log in with their password, as on a real
  # server; the superuser that runs the tests stays on trust.
  HBA="$PGDIR/data/pg_hba.conf"
  { echo "host all +tribune_admin,+tribune_lead,+tribune_cm,+tribune_junior,+tribune_readonly 127.0.0.1/32 scram-sha-256"; cat "$HBA"; } > "$HBA.new" && mv "$HBA.new" "$HBA"
  [ "$(id -u)" = 0 ] && chown postgres "$HBA"
  as_pg "$PGBIN/pg_ctl" -D "$PGDIR/data" -l "$PGDIR/log" -w \
    -o "-k $PGDIR -p $PGPORT -h 127.0.0.1 -c fsync=off -c full_page_writes=off -c max_connections=200" start >/dev/null
  export "TRIBUNE_TEST_PG_URL_gw$i=postgresql+psycopg://tribune@127.0.0.1:$PGPORT/postgres"
done
export TRIBUNE_TEST_PG_URL="postgresql+psycopg://tribune@127.0.0.1:$PGBASE/postgres"
export TRIBUNE_REQUIRE_PG=1 TRIBUNE_REQUIRE_KEYRING=1
export QT_QPA_PLATFORM=offscreen

# 5. A real Secret Service (gnome-keyring) inside a private D-Bus session, then pytest.
KEYHOME=$(mktemp -d /tmp/tribune-keyring.XXXXXX)
export XDG_DATA_HOME="$KEYHOME/data" XDG_RUNTIME_DIR="$KEYHOME/run"
mkdir -p "$XDG_DATA_HOME/keyrings" "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
echo -n login > "$XDG_DATA_HOME/keyrings/default"
# The whole suite (no arguments) runs on two pytest-xdist workers per core, at most four
# (TRIBUNE_TEST_WORKERS to choose), a test file per worker at a time so that a file's
# fixtures and its spawned seats stay together; each worker has its own PostgreSQL cluster
# (above; tests/conftest.py picks it). The files go out longest first (tests/harness/
# schedule.py, from tests/harness/weights.json), not xdist's most-tests-first. With
# arguments, pytest runs exactly what they say, in one process.
export TRIBUNE_WHOLE_SUITE=""
PARALLEL=""
if [ $# -eq 0 ]; then
  TRIBUNE_WHOLE_SUITE=1
  [ "$WORKERS" -gt 1 ] && PARALLEL="-n $WORKERS --dist loadfile --no-loadscope-reorder"
fi
export PARALLEL
dbus-run-session -- bash -c '
  eval "$(printf tribune-test | gnome-keyring-daemon --unlock --components=secrets)" >/dev/null
  export GNOME_KEYRING_CONTROL
  # The hard dates: the 1st of a month just after midnight in Paris (still the last day in
  # UTC), New Year'"'"'s Eve, and both daylight-saving changes (the hour that does not exist,
  # the hour that happens twice).
  at=2027-03-01T00:30:00+01:00,2026-12-31T23:30:00+01:00,2027-03-28T03:30:00+02:00,2027-10-31T02:30:00+01:00
  if [ -n "$TRIBUNE_WHOLE_SUITE" ]; then
    # The whole suite in one session: each date-sensitive test runs today ("now") and at
    # each hard date — one start-up and one balanced schedule for the workers, not two.
    echo "== the whole suite; the tests marked dates also at $at"
    python -m pytest $PARALLEL --at "now,$at" "$@" || exit $?
  else
    python -m pytest $PARALLEL "$@" || exit $?
    if [ -n "${TRIBUNE_HARD_DATES:-}" ]; then
      echo "== tests marked dates, at $at"
      python -m pytest $PARALLEL -q -m dates --at "$at" -p no:cacheprovider || exit $?
    fi
  fi
' pytest "$@"
