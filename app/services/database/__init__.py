"""The database as a whole: backups and restores, moving an agency between engines."""
