# Sourced by scripts/test.sh and scripts/with-moto.sh: installs the pinned moto into
# .venv (reused when it is already there at that version), starts `moto_server`
# (through scripts/moto_server.py, which fixes its check of bodiless requests) on a
# free loopback port with SigV4 checking switched on, and exports what tests need:
#   AWSJSON_MOTO_URL, AWSJSON_MOTO_ACCESS_KEY_ID, AWSJSON_MOTO_SECRET_ACCESS_KEY.
# The server is stopped when the calling shell exits (trap on EXIT).

MOTO_VERSION=5.2.5
MOTO_VENV=.venv

moto_die() {
    echo "error: $*" >&2
    exit 1
}

moto_install() {
    local py
    py=$(command -v python3 || true)
    [ -n "$py" ] || moto_die "python3 not found: the integration tests run against moto (a Python package); install Python 3 (3.9 or newer) with its venv and pip modules, then rerun"
    if [ -x "$MOTO_VENV/bin/python" ] &&
        [ "$("$MOTO_VENV/bin/python" -c 'import importlib.metadata as m; print(m.version("moto"))' 2>/dev/null)" = "$MOTO_VERSION" ] &&
        "$MOTO_VENV/bin/python" -c 'import flask, boto3' 2>/dev/null; then
        return
    fi
    echo "installing moto[server]==$MOTO_VERSION into $MOTO_VENV" >&2
    if [ ! -x "$MOTO_VENV/bin/python" ]; then
        "$py" -m venv "$MOTO_VENV" ||
            moto_die "'python3 -m venv' failed: the venv module (and ensurepip) is missing; on Debian/Ubuntu 'apt-get install python3-venv', then rerun"
    fi
    "$MOTO_VENV/bin/python" -m pip --version >/dev/null 2>&1 ||
        moto_die "pip is missing from $MOTO_VENV: install python3-pip / python3-venv, remove $MOTO_VENV and rerun"
    "$MOTO_VENV/bin/python" -m pip install --disable-pip-version-check -q "moto[server]==$MOTO_VERSION" ||
        moto_die "pip could not install moto[server]==$MOTO_VERSION (see above)"
}

moto_stop() {
    local status=$?
    if [ -n "${MOTO_PID:-}" ]; then
        kill "$MOTO_PID" 2>/dev/null || true
        wait "$MOTO_PID" 2>/dev/null || true
        MOTO_PID=
    fi
    # The server log (its tracebacks explain HTML 500s) is kept only when something failed.
    if [ "$status" -eq 0 ] && [ -n "${MOTO_LOG:-}" ]; then
        rm -f "$MOTO_LOG"
    fi
}

moto_start() {
    moto_install
    mkdir -p target
    # One log per run: a test run and an example may have a moto each at once.
    MOTO_LOG=target/moto-server-$$.log
    trap moto_stop EXIT
    # Without these, a terminated run would skip the EXIT trap and leave moto running
    # (bash runs them once the command in the foreground has ended).
    trap 'exit 130' INT
    trap 'exit 143' TERM
    local attempt port out
    # A port picked free can be taken before moto binds it: try again on a fresh one.
    for attempt in 1 2 3; do
        port=$("$MOTO_VENV/bin/python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
        # moto_server, with the fix to its check of bodiless requests (see the script).
        "$MOTO_VENV/bin/python" scripts/moto_server.py -H 127.0.0.1 -p "$port" >"$MOTO_LOG" 2>&1 &
        MOTO_PID=$!
        if out=$("$MOTO_VENV/bin/python" scripts/moto_setup.py "http://127.0.0.1:$port" "$MOTO_PID"); then
            read -r AWSJSON_MOTO_ACCESS_KEY_ID AWSJSON_MOTO_SECRET_ACCESS_KEY <<<"$out"
            export AWSJSON_MOTO_URL="http://127.0.0.1:$port"
            export AWSJSON_MOTO_ACCESS_KEY_ID AWSJSON_MOTO_SECRET_ACCESS_KEY
            echo "moto $MOTO_VERSION on $AWSJSON_MOTO_URL (signature checking on, log $MOTO_LOG)" >&2
            return
        fi
        moto_stop
        echo "moto did not come up on port $port (attempt $attempt); its log:" >&2
        tail -n 20 "$MOTO_LOG" >&2 || true
    done
    moto_die "could not start moto_server"
}
