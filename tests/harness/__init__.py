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
"""
