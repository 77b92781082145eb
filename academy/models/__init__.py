from .audit import AuditEvent
from .audit_reviews import AuditTrailReview, AuditTrailReviewOutcome
from .framework import Band, Competency, RevalidationKind, SpecialistArea
from .identity import IdentityLink
from .people import Organisation, UnitType, User
from .signatures import ElectronicSignature, SignatureMeaning
from .site import HomePage

__all__ = [
    "AuditEvent",
    "AuditTrailReview",
    "AuditTrailReviewOutcome",
    "Band",
    "Competency",
    "ElectronicSignature",
    "HomePage",
    "IdentityLink",
    "Organisation",
    "RevalidationKind",
    "SignatureMeaning",
    "SpecialistArea",
    "UnitType",
    "User",
]
