"""The content calendar: posts and their variants, approval, media, the publishing queue,
iCalendar and CSV files, the charter check."""
