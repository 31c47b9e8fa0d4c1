"""The sync: accounts, cursors, seats and leases, health, publishing exactly once."""
