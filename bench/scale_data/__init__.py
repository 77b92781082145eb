"""A national-scale dataset for benchmarks, built in steps named for what they create.

`STEPS` runs in order after the demo framework and content are loaded; a new kind of
record is one more function `create_x(plan) -> int` here.
"""

from .attempts import create_attempts
from .certificates import create_certificates
from .competences import create_competences
from .content import create_catalogue
from .learning import create_learning
from .people import create_organisations, create_people, scale_people
from .plan import ScalePlan
from .supervision import create_supervision
from .workforce import create_workforce_records

STEPS = [
    ("organisations", create_organisations),
    ("trainers and trainees", create_people),
    ("modules and lessons", create_catalogue),
    ("enrolments and lesson completions", create_learning),
    ("assessment attempts", create_attempts),
    ("competences and their award events", create_competences),
    ("certificates (not rendered)", create_certificates),
    ("supervisions and object permissions", create_supervision),
    (
        "workforce records (answers, plans, accreditations, apprentices)",
        create_workforce_records,
    ),
]

__all__ = ["STEPS", "ScalePlan", "scale_people"]
