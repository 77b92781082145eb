"""The one vocabulary of audit actions: `<app>.<noun>_<past-tense verb>`, each with its
meaning, and the older names still stored in the chain mapped to their new names.

Stored events are never renamed (the chain hashes their action), so reports group an
event by `canonical_action(event.action)` and query with `stored_names(...)`.
"""

AUDIT_ACTIONS: dict[str, str] = {
    # academy: identity, roles, publishing and electronic signatures
    "academy.user_signed_in": "A person signed in to the Academy.",
    "academy.user_signed_out": "A person signed out of the Academy.",
    "academy.sign_in_failed": "Someone tried to sign in with a wrong e-mail address "
    "or password.",
    "academy.user_roles_changed": "A person's roles (e.g. TSET editor, training lead) "
    "were added, removed or cleared.",
    "academy.content_published": "Content (a page, or a snippet such as a competency) "
    "went live.",
    "academy.record_signed": "A GxP record was signed electronically, with the "
    "meaning of the signature.",
    "academy.signature_rejected": "A signer's re-entered password was wrong, so "
    "nothing was signed.",
    "academy.signing_blocked": "A signer's password was entered wrongly too many "
    "times: the account may not sign for a while and its sessions were ended.",
    "academy.signing_block_cleared": "An administrator let a blocked account sign "
    "again before its block ended.",
    "academy.audit_trail_exported": "An administrator exported the audit trail, as "
    "CSV or as a PDF true copy, with the filters used and the chain's verification "
    "result.",
    "academy.audit_trail_reviewed": "An administrator reviewed the audit trail over a "
    "period and signed the review, with its outcome.",
    "academy.identity_linked": "A person confirmed with their Academy password that "
    "the account with their NHS identity's verified e-mail address is theirs: the "
    "identity's subject id now signs them in.",
    "academy.identity_sign_in_failed": "A sign-in through the NHS identity provider "
    "was refused (details: the reason: state, ID token, nonce, audience, expiry, "
    "provider unreachable, no account); nothing was created or linked.",
    # courses: e-learning and content review
    "courses.trainee_enrolled": "A trainee was enrolled on an e-learning module "
    "when they first opened it.",
    "courses.lesson_completed": "A trainee completed the live revision of a lesson.",
    "courses.module_completed": "A trainee completed every lesson of a module.",
    "courses.training_impacting_change_marked": "A lesson revision was marked as "
    "changing practice: earlier completers retrain.",
    "courses.audit_finding_recorded": "An audit or inspection finding was recorded "
    "and the modules it concerns were flagged for review.",
    "courses.review_request_cleared": "A moderator reviewed a module against an audit "
    "finding and cleared the flag.",
    # trainers: the network
    "trainers.training_lead_appointed": "A person was made training lead of an "
    "organisation.",
    "trainers.training_lead_role_ended": "A person stopped being training lead of an "
    "organisation.",
    "trainers.accreditation_granted": "A person was accredited as a trainer or "
    "workplace assessor.",
    "trainers.trainer_role_granted": "A person was given the Trainer role by being "
    "accredited as an assessor.",
    "trainers.supervision_started": "A trainer was assigned to supervise a trainee.",
    "trainers.supervision_ended": "A trainer stopped supervising a trainee.",
    "trainers.mentorship_requested": "A trainee asked a mentor to mentor them.",
    "trainers.mentorship_accepted": "A mentor accepted a mentee: they can see the "
    "mentee's plan and progress, read-only.",
    "trainers.mentorship_declined": "A mentor declined a request for mentorship.",
    "trainers.mentorship_ended": "A mentorship ended.",
    # assessments: knowledge, workplace and process validation
    "assessments.knowledge_attempt_started": "A trainee started a knowledge "
    "assessment; the server drew the questions and fixed the deadline.",
    "assessments.knowledge_attempt_marked": "The server marked a submitted knowledge "
    "assessment attempt.",
    "assessments.knowledge_requirement_met": "A passed knowledge assessment met a "
    "competency's knowledge requirement.",
    "assessments.workplace_assessment_started": "A workplace assessment was opened "
    "for a trainee against a competency's checklist.",
    "assessments.workplace_evidence_added": "A piece of evidence was attached to a "
    "workplace assessment.",
    "assessments.workplace_evidence_viewed": "Someone allowed to see it opened a "
    "workplace evidence file.",
    "assessments.workplace_sign_off_requested": "A trainee asked an accredited "
    "assessor to sign off a workplace assessment.",
    "assessments.workplace_criterion_recorded": "An assessor recorded the result of "
    "one checklist criterion.",
    "assessments.workplace_assessment_countersigned": "A second accredited assessor "
    "countersigned a competent outcome.",
    "assessments.workplace_correction_started": "A correction of a signed workplace "
    "assessment was opened as a new record, with its reason.",
    "assessments.validation_result_recorded": "A process validation result (broth "
    "transfer, gowning, finger dabs) was recorded and signed.",
    "assessments.validation_result_corrected": "A signed process validation result "
    "was corrected by a new signed record.",
    "assessments.operator_validation_suspended": "A result suspended an operator's "
    "process validation for that process.",
    # apprenticeships: off-the-job training and progress reviews
    "apprenticeships.off_the_job_hours_logged": "Hours of training were logged "
    "for an apprentice, with the day and whether they were off the job.",
    "apprenticeships.progress_review_recorded": "A progress review of an apprentice "
    "was recorded by someone named on the apprenticeship, who signed it.",
    # revalidation: the GPhC revalidation portfolio, written by its person
    "revalidation.revalidation_year_started": "A registrant started a revalidation "
    "year, ending on their renewal date.",
    "revalidation.cpd_record_created": "A registrant planned a CPD record, started "
    "an unplanned one or drafted one from their Academy activity.",
    "revalidation.cpd_record_updated": "A registrant changed a CPD record or saved it "
    "as a draft.",
    "revalidation.cpd_record_completed": "A registrant completed a CPD record with "
    "its benefit to people using services: it counts towards the year.",
    "revalidation.cpd_record_deleted": "A registrant deleted a CPD record still in "
    "draft.",
    "revalidation.peer_discussion_recorded": "A registrant recorded the year's peer "
    "discussion.",
    "revalidation.peer_discussion_updated": "A registrant changed the year's peer "
    "discussion.",
    "revalidation.reflective_account_written": "A registrant wrote the year's "
    "reflective account against the standards set for it.",
    "revalidation.reflective_account_updated": "A registrant rewrote the year's "
    "reflective account.",
    "revalidation.exceptional_circumstances_recorded": "A registrant recorded (or "
    "cleared) the reduced requirement the GPhC agreed for exceptional circumstances.",
    # passport: what a person holds
    "passport.competence_awarded": "A competence was awarded, with its expiry from "
    "the revalidation rule.",
    "passport.competence_renewed": "A competence held was renewed (revalidated).",
    "passport.competence_suspended": "A competence was suspended: by a person's "
    "signed decision, or automatically (details: automatic) when a record just "
    "signed required it.",
    "passport.competence_revoked": "A competence was revoked by a signed decision.",
    "passport.competence_expiry_flagged": "A competence was marked as expiring soon "
    "and its holder and trainers warned.",
    "passport.competence_expired": "A competence expired: it was not revalidated in "
    "time.",
    "passport.competence_recognised": "A training lead recognised a competence from "
    "another organisation's verified credential.",
    "passport.competence_matrix_exported": "An organisation's competence matrix was "
    "exported for an inspection.",
    "passport.certificate_rendered": "A certificate's PDF was rendered and stored "
    "with its hash.",
    "passport.certificate_downloaded": "A certificate PDF was downloaded.",
    "passport.passport_downloaded": "A whole skills passport was downloaded as a PDF.",
    "passport.share_link_created": "A holder created a link that shares their "
    "passport.",
    "passport.share_link_revoked": "A holder revoked a passport share link.",
    "passport.api_token_issued": "An API token for the passport feed was issued.",
    "passport.api_token_withdrawn": "An API token for the passport feed was withdrawn.",
    "passport.training_plan_assigned": "A training plan was assigned to a trainee.",
    "passport.plan_item_due_date_changed": "A trainer or training lead changed the due "
    "date of a trainee's plan item, with the reason.",
    "passport.signature_mismatch_detected": "The nightly check found a signed record "
    "or its signature changed after signing; the competences it supports are under "
    "review and nothing was suspended.",
    "passport.signature_finding_resolved": "An administrator resolved a finding of a "
    "signed record changed after signing, with their reason.",
    # workforce: who sees the regional and national dashboards
    "workforce.regional_lead_appointed": "A person was made regional lead of a "
    "region: they see its organisations' workforce dashboard.",
    "workforce.regional_lead_role_ended": "A person stopped being regional lead of a "
    "region (removed, or appointed to another region).",
    "workforce.national_lead_appointed": "A person was made national TSET lead: they "
    "see every organisation's workforce dashboard.",
    "workforce.national_lead_removed": "A person stopped being national TSET lead.",
}

# Names written by earlier code, still stored in the chain, and what they mean now.
LEGACY_NAMES: dict[str, str] = {
    "signed_in": "academy.user_signed_in",
    "signed_out": "academy.user_signed_out",
    "sign_in_failed": "academy.sign_in_failed",
    "roles_changed": "academy.user_roles_changed",
    "published": "academy.content_published",
    "signed": "academy.record_signed",
    "signature_rejected": "academy.signature_rejected",
    "courses.enrolled": "courses.trainee_enrolled",
    "courses.training_impacting_change": "courses.training_impacting_change_marked",
    "courses.finding_recorded": "courses.audit_finding_recorded",
    "trainers.lead_appointed": "trainers.training_lead_appointed",
    "trainers.lead_role_ended": "trainers.training_lead_role_ended",
    "trainers.mentorship_active": "trainers.mentorship_accepted",
    "assessments.attempt_started": "assessments.knowledge_attempt_started",
    "assessments.attempt_marked": "assessments.knowledge_attempt_marked",
    "workplace_assessment_started": "assessments.workplace_assessment_started",
    "workplace_evidence_added": "assessments.workplace_evidence_added",
    "workplace_evidence_viewed": "assessments.workplace_evidence_viewed",
    "workplace_sign_off_requested": "assessments.workplace_sign_off_requested",
    "workplace_criterion_recorded": "assessments.workplace_criterion_recorded",
    "workplace_countersigned": "assessments.workplace_assessment_countersigned",
    "workplace_correction_started": "assessments.workplace_correction_started",
    "validation_recorded": "assessments.validation_result_recorded",
    "validation_corrected": "assessments.validation_result_corrected",
    "validation_suspended": "assessments.operator_validation_suspended",
    "competence_awarded": "passport.competence_awarded",
    "competence_renewed": "passport.competence_renewed",
    "competence_suspended": "passport.competence_suspended",
    "competence_revoked": "passport.competence_revoked",
    "competence_expiring": "passport.competence_expiry_flagged",
    "competence_expired": "passport.competence_expired",
    "competence_recognised": "passport.competence_recognised",
    "competence_matrix_exported": "passport.competence_matrix_exported",
    "certificate_rendered": "passport.certificate_rendered",
    "certificate_downloaded": "passport.certificate_downloaded",
    "passport_downloaded": "passport.passport_downloaded",
    "share_link_created": "passport.share_link_created",
    "share_link_revoked": "passport.share_link_revoked",
    "api_token_issued": "passport.api_token_issued",
    "api_token_withdrawn": "passport.api_token_withdrawn",
    "passport.plan_assigned": "passport.training_plan_assigned",
}


def is_registered(action: str) -> bool:
    """Whether a new audit event may be recorded under this name."""
    return action in AUDIT_ACTIONS


def canonical_action(stored_name: str) -> str:
    """The registered name of a stored action: old names map to new, others stay."""
    return LEGACY_NAMES.get(stored_name, stored_name)


def action_meaning(stored_name: str) -> str:
    """What a stored action means, in NHS terms; empty for an unknown name."""
    return AUDIT_ACTIONS.get(canonical_action(stored_name), "")


def stored_names(action: str) -> tuple[str, ...]:
    """Every name under which events of this registered action are stored."""
    return (action, *sorted(old for old, new in LEGACY_NAMES.items() if new == action))
