"""Stage: provenance."""
