"""Use cases. Plain functions taking a Session; every rule of Tribune lives here."""
