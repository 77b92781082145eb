"""What a checklist asks for when a session log is the evidence."""

EVIDENCE_LOG = (
    "A completed session log or worksheet from a session your assessor observed."
)
