"""The analyzers: one module per finding category."""
