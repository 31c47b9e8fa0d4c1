"""The Listening area: what the client's streams found, their figures, crisis alerts."""
