"""One open draft: its editor, findings panel, analysis schedule and resolutions."""
