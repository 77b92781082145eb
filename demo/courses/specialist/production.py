"""Demo modules of non-sterile manufacturing and radiopharmacy, written for the Academy."""

from ..stream import (
    bullets,
    care_card,
    check,
    details,
    do_list,
    dont_list,
    inset,
    numbered,
    summary_list,
    table,
    text,
    warning,
)

NON_STERILE = {
    "slug": "non-sterile-manufacturing-line-clearance-and-reconciliation",
    "title": "Non-sterile manufacturing: weighing, line clearance and reconciliation",
    "area": "MAN",
    "competencies": ["MAN-01"],
    "bands": (2, 5),
    "minutes": 40,
    "cpd": "1.0",
    "public": False,
    "summary": "The controls that stop mix-ups in non-sterile manufacturing: accurate weighing, line clearance between batches and reconciliation at the end.",
    "outcomes": [
        "Weigh materials accurately on a checked, suitable balance",
        "Carry out and record a line clearance",
        "Reconcile materials and labels and explain why discrepancies are deviations",
    ],
    "lessons": [
        (
            "Weighing and dispensing",
            [
                text(
                    "Most errors in non-sterile manufacturing start at the balance. A wrong quantity, or the wrong material, affects every unit of the batch.",
                ),
                do_list(
                    "check the balance is within its calibration date and passes its daily check with test weights",
                    "use a balance suited to the quantity: small amounts need a balance with a low minimum weight",
                    "check the material name, batch number and expiry against the worksheet before you weigh",
                    "have the weight independently checked, or use the balance printout, as your procedure says",
                ),
                check(
                    "The daily balance check result is outside its limit. What should you do?",
                    (
                        "Do not use the balance; label it out of use and report it",
                        True,
                        "Right. Every weighing since the last good check may also need to be assessed.",
                    ),
                    (
                        "Tare it again and carry on",
                        False,
                        "No. Taring does not correct a balance that is out of limits.",
                    ),
                ),
            ],
        ),
        (
            "Line clearance",
            [
                text(
                    "Line clearance makes sure nothing from the previous batch (materials, labels, leaflets, containers or documents) is left in the room or on the equipment before the next batch starts. Mix-ups of labels are among the most common causes of product recalls.",
                    numbered(
                        "Remove everything belonging to the previous batch.",
                        "Check work surfaces, equipment, floors and waste bins against the checklist.",
                        "Record the clearance and sign.",
                        "A second person checks and signs before the new batch starts.",
                    ),
                ),
                warning(
                    "One stray label is enough",
                    "A single label left from the previous batch can end up on the wrong product. Check under and behind equipment, not just the bench top.",
                ),
            ],
        ),
        (
            "Reconciliation and yield",
            [
                text(
                    "At the end of the batch you account for what was issued. For labels, the number issued should equal the number used, plus those returned, plus those destroyed. The yield of product is compared with the expected range in the batch record."
                ),
                table(
                    "Example label reconciliation",
                    ["Item", "Number"],
                    [
                        ["Issued", "120"],
                        ["Used on product", "112"],
                        ["Used for retained samples", "3"],
                        ["Destroyed (spoiled, recorded)", "5"],
                        ["Unaccounted for", "0"],
                    ],
                ),
                inset(
                    "Any discrepancy that cannot be explained is a deviation. The batch stays in quarantine until it is investigated."
                ),
                check(
                    "Two labels are unaccounted for at the end of a batch. What happens next?",
                    (
                        "Report a deviation; the batch is not released until it is investigated",
                        True,
                        "Right. A missing label could be on another product.",
                    ),
                    (
                        "Record 'two spoiled' so the numbers add up",
                        False,
                        "No. That would be falsifying the record.",
                    ),
                ),
            ],
        ),
    ],
}

RADIATION = {
    "slug": "radiation-protection-and-local-rules",
    "title": "Radiation protection and local rules",
    "area": "RAD",
    "competencies": ["RAD-03"],
    "bands": (2, 7),
    "minutes": 45,
    "cpd": "1.0",
    "public": True,
    "summary": "How to keep your radiation dose as low as reasonably practicable in a radiopharmacy, and what the local rules ask of you.",
    "outcomes": [
        "Use time, distance and shielding to reduce your dose",
        "Explain the purpose of local rules, controlled areas and personal dosimeters",
        "Monitor for contamination and respond to a radioactive spill",
    ],
    "lessons": [
        (
            "Time, distance and shielding",
            [
                text(
                    "Radiopharmacies handle radioactive materials such as technetium-99m, which gives off gamma rays and has a half-life of about 6 hours. The Ionising Radiations Regulations 2017 require doses to be kept as low as reasonably practicable (ALARP).",
                ),
                summary_list(
                    (
                        "Time",
                        "Plan the task and work efficiently so you spend less time near the source.",
                    ),
                    (
                        "Distance",
                        "Dose rate falls with the square of distance: doubling your distance cuts it to about a quarter. Use tongs and forceps, never fingers.",
                    ),
                    (
                        "Shielding",
                        "Use lead or tungsten syringe shields, vial pots and lead-glass screens.",
                    ),
                ),
                check(
                    "You move from 10 cm to 20 cm from a source. Roughly what happens to your dose rate?",
                    (
                        "It falls to about a quarter",
                        True,
                        "Right. That is the inverse square law.",
                    ),
                    (
                        "It halves",
                        False,
                        "Not quite: dose rate falls with the square of the distance, so it is about a quarter.",
                    ),
                ),
            ],
        ),
        (
            "Local rules and dosimetry",
            [
                text(
                    "Every controlled or supervised area has written local rules. They name the Radiation Protection Supervisor (RPS), describe the area and its hazards, and set out how work is done and what to do in an emergency. The employer's Radiation Protection Adviser (RPA) advises on them.",
                    bullets(
                        "read and sign the local rules before you work in the area",
                        "wear your body dosimeter and finger (extremity) dosimeter as instructed, and return them on time",
                        "tell your manager if you are, or may be, pregnant or breastfeeding, so your work can be reviewed",
                    ),
                ),
                details(
                    "Why finger dosimeters?",
                    "Hands are much closer to the source than the body when drawing up doses. Finger dosimeters show whether technique and shielding are keeping hand doses low.",
                ),
            ],
        ),
        (
            "Contamination monitoring and spills",
            [
                text(
                    "Monitor your hands, gloves, clothing and work area with the contamination monitor before leaving the area and whenever you suspect a spill."
                ),
                care_card(
                    "If there is a radioactive spill",
                    "Stop work and warn people nearby. Contain the spill with absorbent pads from the spill kit, working from the outside in. Do not spread it or leave the area with contamination on you. Tell the Radiation Protection Supervisor, then decontaminate and monitor as the local rules say.",
                    kind="immediate",
                ),
                dont_list(
                    "eat, drink or apply cosmetics in the area",
                    "take contaminated items out of the area",
                ),
                check(
                    "What is the first thing you do when a vial of technetium-99m breaks on the bench?",
                    (
                        "Stop and warn others nearby",
                        True,
                        "Right. Then contain it, tell the RPS and follow the local rules.",
                    ),
                    (
                        "Wipe it up quickly with a tissue",
                        False,
                        "No. That risks spreading contamination and skin exposure.",
                    ),
                ),
            ],
        ),
    ],
}
