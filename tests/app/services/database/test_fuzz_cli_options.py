"""Fuzzing the CLI's option values on both engines (issue #19): dates, months, integers, paths,
slugs, names, time zones, colours — through ``app.cli.main``, the very entry point of the
installed ``tribune`` (in this process: a subprocess per example would take minutes).

Whatever the values: exit 0, or exit 1 with one line on stderr and the database as it was;
never exit 2 ("unexpected error"), never a traceback, never argparse's usage block.
"""

from __future__ import annotations

import contextlib
import io
import sys

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.app.services.database.test_fuzz_importers import HOSTILE, fixture_client, snapshot
from tests.conftest import db_url_of

FUZZ = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
value = st.one_of(
    st.text(max_size=12).filter(lambda v: not v.startswith("-")),
    st.sampled_from(
        [
            *HOSTILE[:9],
            *HOSTILE[11:],
            "fuzz",
            "Fuzz",
            "2026-06",
            "2026-13",
            "0000-01",
            "9999-12",
            "2026-06-31",
            "1",
            "-5",
            "100001",
            "9" * 40,
            "Europe/Paris",
            "UTC",
            "../../etc/passwd",
            "#ff0000",
            "red",
            "fr",
            "en",
            "xx",
        ]
    ),
)


def commands(tmp_path):
    folder = str(tmp_path)
    out = str(tmp_path / "out")
    return st.one_of(
        st.tuples(st.just("client"), st.just("add"), value, st.just("--timezone"), value)
        .map(list)
        .flatmap(
            lambda c: st.tuples(value, value, value).map(
                lambda v: [*c, "--language", v[0], "--colour", v[1], "--sector", v[2]]
            )
        ),
        st.tuples(value, value, value).map(
            lambda v: ["calendar", "list", v[0], "--from", v[1], "--to", v[2]]
        ),
        st.tuples(value, value, value).map(
            lambda v: ["inbox", "list", v[0], "--limit", v[1], "--search", v[2]]
        ),
        st.tuples(value, value, value).map(
            lambda v: ["listening", "list", v[0], "--limit", v[1], "--search", v[2]]
        ),
        st.tuples(value, value).map(lambda v: ["listening", "add", v[0], "--keyword", v[1]]),
        st.tuples(value, value).map(lambda v: ["inbox", "reply", v[0], v[1]]),
        st.tuples(
            value,
            value,
            st.one_of(st.sampled_from([out + ".pdf", folder, out + "/x/y.pdf"]), value),
        ).map(lambda v: ["report", v[0], "--month", v[1], "--out", v[2]]),
        st.tuples(value, st.sampled_from([out + ".ics", folder, "/proc/x.ics"])).map(
            lambda v: ["calendar", "export", v[0], "--out", v[1]]
        ),
        st.tuples(value, value, value).map(
            lambda v: ["calendar", "check", v[0], "--from", v[1], "--to", v[2]]
        ),
        st.tuples(value, value, value).map(
            lambda v: ["metrics", "import", v[0], v[1], "--account", v[2]]
        ),
        st.tuples(value, value).map(lambda v: ["calendar", "import", v[0], v[1]]),
    )


def run(argv: list[str]) -> tuple[int, str]:
    from app.cli import main

    err = io.StringIO()
    stdin = sys.stdin
    sys.stdin = io.StringIO("Merci pour votre message")
    try:
        with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
            code = main(argv)
    except SystemExit as exc:  # argparse's own exit, after its one line
        code = exc.code if isinstance(exc.code, int) else 1
    finally:
        sys.stdin = stdin
    return code, err.getvalue()


def test_a_file_name_with_a_lone_surrogate_is_one_line(db, tmp_path):
    """Found by the fuzz below: a lone surrogate cannot be encoded as a file name."""

    code, err = run(["--db", db_url_of(db), "calendar", "import", "", "\ud83d"])
    assert code == 1
    assert len(err.strip().splitlines()) == 1 and "not text" in err


@settings(FUZZ)
@given(data=st.data())
def test_cli_option_values(db, tmp_path, data):
    fixture_client(db)
    argv = ["--db", db_url_of(db), *data.draw(commands(tmp_path))]
    before = snapshot(db)
    code, err = run(argv)
    assert code in (0, 1), (argv, code, err)
    assert "Traceback" not in err and "unexpected" not in err, (argv, err)
    assert "usage:" not in err, (argv, err)
    if code == 1:
        assert err.count("\n") == 1, (argv, err)
        assert snapshot(db) == before, (argv, err)
