"""Dialogs: resolve a finding, sign off, the history, preferences."""
