"""The demo generator's parameters (all fictitious): each indicator's level, trends and season
(`SPECS`), the areas' populations and exposure, the comparison areas' levels, the survey gaps.
Changing a number here changes data/demo/ (regenerate with `python -m indicators.demo`).
"""
from __future__ import annotations

from dataclasses import dataclass

MUNICIPALITY_ONLY_FOCUS = ("systemhotande_brottslighet",)
MUNICIPALITY_ONLY = ("anmalda_valdsbrott", "anmalda_brott")   # published per kommun, not per area
SURVEY_GAPS = {"otrygghet_kvall": ("2020",), "problemindex": ("2020",)}

# Fictitious area populations in 2019 and how exposed each area is (1 = municipal average).
POPULATION_2019 = {"froslunda": 6500, "skiftinge": 5200, "arby": 4300, "lagersberg": 5600,
                   "rabergstorp": 4800, "nyfors": 7200, "centrum": 8600, "arsta": 3400,
                   "torshalla": 8900}
MUNICIPALITY_2019, MUNICIPALITY_GROWTH = 106_850, 360
EXPOSURE = {"froslunda": 2.2, "skiftinge": 2.0, "arby": 1.8, "lagersberg": 1.6, "rabergstorp": 1.1,
            "nyfors": 1.0, "centrum": 1.3, "arsta": 0.6, "torshalla": 0.8}
REST_EXPOSURE = 0.7
PUBLIC_PLACES = {"centrum": 3.0, "nyfors": 1.4}   # public-space crime gathers in the city centre

# Comparison areas: population in 2019 and yearly growth (close to SCB's figures, but demo), and for
# each yearly rate the level of each comparison area relative to the municipality's in 2019.
COMPARISON_POPULATION = {"riket": (10_327_000, 0.007), "sodermanland": (297_500, 0.006)}
COMPARISONS = {
    "vald_nara_relation": {"riket": 0.85, "sodermanland": 0.95},
    "anmalda_valdsbrott": {"riket": 0.78, "sodermanland": 0.9},
    "anmalda_brott": {"riket": 0.96, "sodermanland": 0.86},
}


@dataclass(frozen=True)
class Spec:
    """How one indicator's demo series behaves.

    level: municipal level in 2019 (counts/amounts per year, rates per `scale` inhabitants and year,
    shares in %, the index in points); before: trend per year until 2023, after: from 2024 (log
    change for counts/rates/amounts, points for shares/index); amplitude/peak: seasonality
    (peak month); k: for counts and rates the power of the area's exposure, for shares and the
    index the points added per unit of exposure above 1; per_area: the range of survey answers per
    area and year (for hog_franvaro: pupils in years 7-9 per 1 000 inhabitants).
    """
    level: float
    before: float
    after: float
    amplitude: float = 0.0
    peak: int = 7
    k: float = 1.0
    per_area: tuple[int, int] = (0, 0)


SPECS = {
    "skjutningar": Spec(18, 0.05, -0.22, amplitude=0.35, peak=7, k=1.6),
    "skjutvapenvald_offer": Spec(7, 0.04, -0.15, amplitude=0.3, peak=7, k=1.6),
    "grovt_vald_offentlig_miljo": Spec(2.4, 0.0, 0.06, amplitude=0.2, peak=7, k=1.0),
    "vald_nara_relation": Spec(30, 0.06, 0.05, k=0.5),
    "unga_misstankta": Spec(150, 0.02, -0.12, amplitude=0.1, peak=9, k=1.0),
    "unga_sig": Spec(24, 0.03, 0.14, k=1.2),
    "fritid_deltagande": Spec(52, -0.5, 1.0, k=-6, per_area=(150, 350)),
    "hog_franvaro": Spec(14, 1.2, -1.0, k=4, per_area=(35, 40)),
    "otrygghet_kvall": Spec(24, 0.5, -1.5, k=9, per_area=(200, 450)),
    "problemindex": Spec(1.6, 0.03, -0.08, k=0.9, per_area=(200, 450)),
    "skadegorelse": Spec(14, -0.02, -0.06, amplitude=0.25, peak=7, k=0.7),
    "trygghetsvandringar": Spec(24, 0.0, 0.12, amplitude=0.5, peak=10, k=1.2),
    "otillaten_paverkan": Spec(36, 0.08, 0.10),
    "felaktiga_utbetalningar": Spec(3.2, 0.05, 0.05),
    "gemensamma_kontroller": Spec(24, 0.05, 0.15),
    "anmalda_valdsbrott": Spec(1450, 0.01, -0.04),
    "anmalda_brott": Spec(14800, -0.01, -0.02),
}
SURVEY_SHARES = ("fritid_deltagande", "otrygghet_kvall")
