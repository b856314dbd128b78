"""The ``spark-submit`` entry point: the ``corroborate spark`` commands.

    spark-submit [spark options] $(corroborate spark entrypoint) run INPUT... --output DIR
"""

from __future__ import annotations

from corroborate.spark.cli import spark

if __name__ == "__main__":
    spark(prog_name="corroborate spark")
