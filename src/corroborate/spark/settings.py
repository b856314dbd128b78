"""Knobs of a Spark run: partition sizing and the block sizes of the comparing stages."""

from __future__ import annotations

from dataclasses import dataclass, field

from corroborate.events import EventSettings
from corroborate.provenance import ProvenanceSettings

#: Articles per partition for the per-article stages (claims, places, features). About
#: 10 ms of work each, so 2,000 articles make tasks of 20-30 s: long enough to amortise
#: task start-up, short enough for stragglers not to matter.
ARTICLES_PER_PARTITION = 2000

#: JSON lines files larger than this are read line by line, split across tasks; smaller
#: files (and every other format) are read whole by one task each.
SPLIT_BYTES = 128 * 1024 * 1024

#: Largest provenance block. A batch up to this many articles goes through one
#: ``find_relations`` call (one task; exactly the single-machine result). A larger batch is
#: cut by candidate pairs into connected groups of at most this many articles, and a
#: larger group into overlapping chunks, which read each article several times (3.6x at
#: 5,000 on 10k GVA-like reports, 6.3x at 2,000): smaller blocks buy parallelism with
#: repeated work.
MAX_PROVENANCE_BLOCK = 10000

#: Largest event block: a batch up to this size is grouped in one task (exactly the
#: single-machine result); a larger one is cut into runs of consecutive publication days
#: of at most this many articles (a day holding more is split by region). The grouper
#: costs about 9 ms a report, so a full block takes about three minutes.
MAX_EVENT_BLOCK = 20000


@dataclass(frozen=True)
class SparkSettings:
    """How a Spark run partitions the work. Results do not depend on it, except that a
    batch larger than ``max_event_block`` is grouped into events block by block
    (``docs/spark.md``)."""

    #: Partitions for the per-article stages; None: input size / ``articles_per_partition``,
    #: at least the cluster's default parallelism.
    partitions: int | None = None
    articles_per_partition: int = ARTICLES_PER_PARTITION
    split_bytes: int = SPLIT_BYTES
    max_provenance_block: int = MAX_PROVENANCE_BLOCK
    max_event_block: int = MAX_EVENT_BLOCK
    #: Input decoding and size limits, as for ``corroborate ingest``.
    encoding: str | None = None
    max_bytes: int | None = None
    provenance: ProvenanceSettings = field(default_factory=ProvenanceSettings)
    events: EventSettings = field(default_factory=EventSettings)
