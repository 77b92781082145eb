"""Demo checklists of the manufacturing, radiopharmacy, QC, QA and education
competencies."""

from .evidence import EVIDENCE_LOG

SPECIALIST = {
    "MAN-01": (
        "A non-sterile manufacturing run: weighing, mixing, filling, line clearance and "
        "reconciliation.",
        "The batch manufacturing record of the observed run, including the line "
        "clearance and reconciliation sections.",
        False,
        [
            (
                "Carries out and records line clearance before the batch starts.",
                "No materials, labels or documents from a previous batch remain.",
            ),
            (
                "Checks that the balance is calibrated and performs the daily check.",
                "Daily check weights within limits and recorded.",
            ),
            (
                "Weighs or measures each ingredient accurately with a second-person check.",
                "Quantities within tolerance; both people sign.",
            ),
            (
                "Mixes for the stated time and speed and checks the product's appearance.",
                "Follows the batch record exactly; deviations reported.",
            ),
            (
                "Fills and labels containers, performing in-process checks of fill volume or weight.",
                "Checks recorded at the stated frequency.",
            ),
            (
                "Reconciles the yield, components and labels, and explains any discrepancy.",
                "Yield within limits or a deviation raised.",
            ),
        ],
    ),
    "MAN-02": (
        "Sterile manufacturing: terminal sterilisation, filtration and filter integrity.",
        EVIDENCE_LOG,
        False,
        [
            ("Loads the autoclave to the validated loading pattern.", ""),
            (
                "Performs and records the filter integrity test before and after use.",
                "",
            ),
            ("Reviews the sterilisation cycle record against its parameters.", ""),
        ],
    ),
    "RAD-01": (
        "Eluting a technetium-99m generator and preparing a radiopharmaceutical kit.",
        "The elution record and kit preparation worksheet of the observed session, with "
        "the dose calibrator readings.",
        False,
        [
            (
                "Wears a personal dosimeter and extremity monitor, and uses shielding throughout.",
                "Vial and syringe shields used; tongs used where the local rules require.",
            ),
            (
                "Elutes the generator aseptically and records the eluate activity and volume.",
                "Activity measured in the dose calibrator with the correct nuclide setting.",
            ),
            (
                "Performs the molybdenum-99 breakthrough check on the first elution.",
                "Result compared with the limit and recorded before the eluate is used.",
            ),
            (
                "Adds the correct activity and volume of pertechnetate to the kit.",
                "Within the kit's stated limits; calculation checked.",
            ),
            (
                "Labels the product with activity, reference time, volume and expiry.",
                "Label meets the local rules for radioactive products.",
            ),
            (
                "Monitors hands and the work area for contamination afterwards and records it.",
                "Knows the action to take if contamination is found.",
            ),
        ],
    ),
    "RAD-02": (
        "Radiopharmaceutical quality control.",
        EVIDENCE_LOG,
        False,
        [
            ("Performs the radiochemical purity test and calculates the result.", ""),
            ("Carries out the daily dose calibrator constancy check.", ""),
            ("Records results and acts on out-of-limit results.", ""),
        ],
    ),
    "QC-01": (
        "Environmental monitoring of the cleanroom.",
        EVIDENCE_LOG,
        False,
        [
            ("Places settle plates at the right locations and exposure times.", ""),
            ("Takes contact plates without damaging the agar or surface.", ""),
            (
                "Compares results with alert and action limits and escalates excursions.",
                "",
            ),
        ],
    ),
    "QC-02": (
        "Microbiology quality control.",
        EVIDENCE_LOG,
        False,
        [
            ("Incubates and reads plates at the right times and temperatures.", ""),
            ("Records counts and identifies organisms as required.", ""),
        ],
    ),
    "QC-03": (
        "Chemical quality control.",
        EVIDENCE_LOG,
        False,
        [
            ("Samples and tests starting materials to the specification.", ""),
            (
                "Records results in the laboratory notebook with the instrument used.",
                "",
            ),
        ],
    ),
    "QA-01": (
        "Raising and investigating a deviation through to CAPA.",
        "A deviation report you raised or investigated, with confidential details removed.",
        False,
        [
            ("Records the deviation promptly and contains the immediate risk.", ""),
            ("Finds the root cause using a structured method.", ""),
            ("Proposes corrective and preventive actions and checks they worked.", ""),
        ],
    ),
    "QA-03": (
        "Self-inspection and audit readiness.",
        "A self-inspection report you led, with the actions raised.",
        False,
        [
            ("Plans the self-inspection against the QAAPS audit standards.", ""),
            ("Records findings with evidence and grades them.", ""),
        ],
    ),
    "EDU-01": (
        "Assessing a trainee in the workplace and giving feedback, observed by a lead assessor.",
        "Your completed assessor course certificate and the record of the assessment "
        "you carried out while observed.",
        True,
        [
            ("Explains the assessment and the criteria to the trainee beforehand.", ""),
            (
                "Observes without interrupting unless patient or product safety is at risk.",
                "",
            ),
            ("Records each criterion against what was seen, not what was said.", ""),
            ("Gives specific, balanced feedback and agrees an action plan.", ""),
        ],
    ),
}
