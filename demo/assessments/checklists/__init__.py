"""Demo workplace assessment checklists for the competencies of the starting framework
that need a workplace assessment: (introduction, evidence, countersign, criteria), each
criterion a (what the assessor sees, guidance) pair."""

from .aseptic import ASEPTIC
from .specialist import SPECIALIST

CHECKLISTS = {**ASEPTIC, **SPECIALIST}
