"""The test harness: real processes for the CLI at a fraction of their start-up.

The ``cli`` fixture (tests/conftest.py) runs ``tribune`` commands. Started as new processes,
each paid 0.3-0.6 s of imports (SQLAlchemy, PySide6, the CLI's trunk) before its first line
of work — over two hundred times per run. A fork server per test process
(:mod:`tests.harness.zygote_server`, one per pytest-xdist worker, started on first use)
imports the libraries and the CLI's trunk once, opens nothing, and forks a child per command:
still a real process, with its own streams, environment, directory, exit code and signals,
that runs the console script's entry point (``ui.launcher.main``) and exits through the
interpreter's normal shutdown. What it must not hide:

- A command imports its own models, services and feature module in its child (the server
  never imports them: ``tests/harness/test_zygote.py`` checks it), so a command that forgets
  an import, or a backup that relies on every model being registered, fails as before.
- A command asked with an environment that a process reads once at start (``PYTHON*`` such
  as ``PYTHONPROFILEIMPORTTIME``, the locale, ``TZ``, ``HOME``, matplotlib's) runs as a real
  new process (:data:`tests.harness.zygote._AT_START`).
- The installed console script itself still runs: the tests that call ``tribune_exe()``
  directly, and tests/cli/test_cli_entry_point.py once per command family, compared with
  the forked run.

``TRIBUNE_TEST_ZYGOTE=0`` runs every ``cli`` call as a new process, as before.

The rest of the harness:

- :mod:`tests.harness.popen`: ``popen``/``run`` with :mod:`subprocess`'s interface for the
  other seats the tests start (``python -c``, a seat script, a ``tribune`` command kept
  running and signalled), forked from the same server; anything else goes to subprocess.
- :mod:`tests.harness.seats`: ``seat_context()``, multiprocessing's ``forkserver`` with the
  libraries preloaded, for seats started as ``ctx.Process``; each seat gets the test's
  environment and directory as they are when it starts.
- :mod:`tests.harness.clock`: a date-sensitive module whose autouse fixture pins the clock
  runs once instead of once per hard date (the fixed day overrode them), checked per test.
- :mod:`tests.harness.schedule`: under pytest-xdist, the files go out longest first.
"""
