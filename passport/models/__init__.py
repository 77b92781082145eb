from .api_tokens import ApiToken
from .certificates import Certificate
from .competences import (
    AWARD_KINDS,
    Competence,
    CompetenceEvent,
    CompetenceEventKind,
    CompetenceStatus,
)
from .credentials import CredentialStatusEntry, IssuerSigningKey, RecognisedCompetence
from .feed import FeedDeliveryStatus, FeedEvent
from .plans import TrainingPlan, TrainingPlanItem
from .revalidation import RevalidationNotice
from .sharing import ShareLink, ShareLinkView
from .signature_findings import SignatureFinding, SignatureProblem

__all__ = [
    "AWARD_KINDS",
    "ApiToken",
    "Certificate",
    "Competence",
    "CompetenceEvent",
    "CompetenceEventKind",
    "CompetenceStatus",
    "CredentialStatusEntry",
    "FeedDeliveryStatus",
    "FeedEvent",
    "IssuerSigningKey",
    "RecognisedCompetence",
    "RevalidationNotice",
    "ShareLink",
    "ShareLinkView",
    "SignatureFinding",
    "SignatureProblem",
    "TrainingPlan",
    "TrainingPlanItem",
]
