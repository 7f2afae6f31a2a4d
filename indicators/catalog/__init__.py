"""The catalog: focus areas, indicators, areas and targets as data (DATA.md §1), and reference facts.

Contract: `load_catalog(folder)` reads and validates a catalog folder and returns an immutable
`Catalog`, or raises `CatalogError` listing every problem with its file and entry. Lookups return
None for unknown ids. Areas are the municipality's own (`local_areas`: kinds kommun and område) or
comparison areas (`comparison_areas`: riket, lan, polisregion, jamforelse), found by id, name,
code, alias or "code name" with `area_id_for`; indicators are also found by the codes sources use
for them with `indicator_for_code`. `reference` holds the real reference facts (police lists,
population). This package imports only `config`, `periods` and `i18n`: everything else may import it.
"""
from indicators.catalog.keys import area_key, code_key
from indicators.catalog.loading import load_catalog, read_catalog
from indicators.catalog.model import (AGGREGATIONS, AREA_KINDS, COMPARISON_KINDS, FILES, GRAINS,
                                      LOCAL_KINDS, MEASURES, POLARITIES, TARGET_KINDS,
                                      TARGET_STATUSES, Area, Catalog, CatalogError, FocusArea,
                                      Indicator, SubGoal, Target)

__all__ = ["AGGREGATIONS", "AREA_KINDS", "COMPARISON_KINDS", "FILES", "GRAINS", "LOCAL_KINDS",
           "MEASURES", "POLARITIES", "TARGET_KINDS", "TARGET_STATUSES", "Area", "Catalog",
           "CatalogError", "FocusArea", "Indicator", "SubGoal", "Target", "area_key", "code_key",
           "load_catalog", "read_catalog"]
