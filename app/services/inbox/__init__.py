"""The inbox: reading, triage, replies, drafts, moderation, escalation, imports."""
