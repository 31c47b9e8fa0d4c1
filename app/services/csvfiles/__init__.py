"""Other tools' CSV files: sniffing, safe reading, saved column mappings."""
