from .audit import AuditEvent
from .framework import Band, Competency, RevalidationKind, SpecialistArea
from .people import Organisation, UnitType, User
from .signatures import ElectronicSignature, SignatureMeaning
from .site import HomePage

__all__ = [
    "AuditEvent",
    "Band",
    "Competency",
    "ElectronicSignature",
    "HomePage",
    "Organisation",
    "RevalidationKind",
    "SignatureMeaning",
    "SpecialistArea",
    "UnitType",
    "User",
]
