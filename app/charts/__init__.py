"""Headless chart builders (matplotlib ``Figure``, never pyplot) and their data as tables."""
