"""``python -m corroborate.spark run INPUT... --output DIR``."""

from __future__ import annotations

from corroborate.spark.cli import spark

spark(prog_name="python -m corroborate.spark")
