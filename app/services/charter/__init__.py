"""The charter: versions and sections, schema and validation, rules in force, signing."""
