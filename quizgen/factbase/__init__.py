"""The fact base: the domain model, safe YAML reading, loading, schema, validation, provenance,
excerpts, warnings, pronouns and numbers as read. It imports nothing from the later stages."""
