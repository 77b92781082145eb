"""Demo modules of Core and Aseptic preparation, written for the Academy."""

from .aseptic import BROTH, GOWNING, GOWNING_STEPS
from .core import DATA_INTEGRITY, GMP

MODULES = [GMP, DATA_INTEGRITY, GOWNING, BROTH]

__all__ = ["GOWNING_STEPS", "MODULES"]
