"""Listening (veille) and crisis detection for a client.

* :mod:`.streams` — the searches a client runs (keyword, hashtag, alert feed, competitor).
* :mod:`.sync` — runs them against the networks, stores what is new once (two seats may
  sync together), keeps the authors' audience.
* :mod:`.items` — browsing, search, "send to inbox", "dismiss", figures for the view.
* :mod:`.sentiment` — a simple French+English word list (documented as such, not a model).
* :mod:`.crisis` — the charter's crisis signals; :mod:`.alerts` — e-mails and their log.
"""
