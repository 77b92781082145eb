"""Demo modules of the specialist areas, written for the Academy."""

from .production import NON_STERILE, RADIATION
from .quality import DEVIATIONS, ENVIRONMENTAL_MONITORING, TRAIN_THE_TRAINER

MODULES = [
    NON_STERILE,
    RADIATION,
    ENVIRONMENTAL_MONITORING,
    DEVIATIONS,
    TRAIN_THE_TRAINER,
]

__all__ = ["MODULES"]
