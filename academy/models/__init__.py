from .audit import AuditEvent
from .framework import Band, Competency, RevalidationKind, SpecialistArea
from .people import Organisation, UnitType, User
from .site import HomePage

__all__ = [
    "AuditEvent",
    "Band",
    "Competency",
    "HomePage",
    "Organisation",
    "RevalidationKind",
    "SpecialistArea",
    "UnitType",
    "User",
]
