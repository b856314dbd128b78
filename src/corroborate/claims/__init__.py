"""Stage: claims."""
