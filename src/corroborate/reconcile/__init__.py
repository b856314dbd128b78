"""Stage: reconcile."""
