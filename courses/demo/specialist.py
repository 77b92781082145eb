"""Demo modules of Manufacturing, Radiopharmacy, QC, QA and Education."""

from .stream import (
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

ENVIRONMENTAL_MONITORING = {
    "slug": "environmental-monitoring",
    "title": "Environmental monitoring: methods, limits and excursions",
    "area": "QC",
    "competencies": ["QC-01"],
    "bands": (3, 6),
    "minutes": 50,
    "cpd": "1.5",
    "public": False,
    "summary": "How cleanrooms are monitored for particles and micro-organisms, how alert and action limits work, and what to do when a result is out of limits.",
    "outcomes": [
        "Describe settle plates, contact plates, active air sampling and particle counting",
        "Apply alert and action limits for each cleanroom grade",
        "Respond to and trend out-of-limit results",
    ],
    "lessons": [
        (
            "Monitoring methods",
            [
                summary_list(
                    (
                        "Settle plates",
                        "90 mm agar plates left open for up to 4 hours to catch micro-organisms falling from the air.",
                    ),
                    (
                        "Contact plates",
                        "55 mm plates pressed onto surfaces, gloves or gowns.",
                    ),
                    (
                        "Active air sampling",
                        "A sampler draws a measured volume of air, usually 1 cubic metre, over an agar plate.",
                    ),
                    (
                        "Particle counting",
                        "A counter measures particles of 0.5 micrometres and 5 micrometres and larger per cubic metre.",
                    ),
                ),
                inset(
                    "Monitoring does not make a room clean. It tells you whether the controls are working, and warns you early when they start to fail."
                ),
            ],
        ),
        (
            "Alert and action limits",
            [
                text(
                    "An <strong>action limit</strong> is a level that, when exceeded, needs an immediate investigation and action. An <strong>alert limit</strong> is set lower, from your own trend data, to give early warning."
                ),
                table(
                    "Maximum microbial limits in operation (EU GMP Annex 1, 2022)",
                    [
                        "Grade",
                        "Air sample (CFU per m³)",
                        "Settle plate (CFU per 4 hours)",
                        "Contact plate (CFU per plate)",
                    ],
                    [
                        ["A", "No growth", "No growth", "No growth"],
                        ["B", "10", "5", "5"],
                        ["C", "100", "50", "25"],
                        ["D", "200", "100", "50"],
                    ],
                ),
                check(
                    "A settle plate in a grade B room shows 7 CFU after 4 hours. What does this mean?",
                    (
                        "It exceeds the action limit and must be investigated",
                        True,
                        "Right. The grade B limit for settle plates is 5 CFU per 4 hours.",
                    ),
                    (
                        "It is within limits",
                        False,
                        "No. The grade B limit is 5 CFU per 4 hours.",
                    ),
                ),
            ],
        ),
        (
            "Responding to excursions and trends",
            [
                text(
                    numbered(
                        "Record the result and report it straight away.",
                        "Identify the organism where the procedure asks: skin organisms point to people, spore-formers to the environment or materials.",
                        "Assess the impact on every product prepared in that session, with QA.",
                        "Find the cause and agree corrective and preventive action.",
                        "Review the trend: repeated low counts in the same place can matter more than one high count.",
                    ),
                ),
                warning(
                    "Never repeat a sample to get a better result",
                    "A result cannot be replaced by taking another sample. Both results stay on the record.",
                ),
            ],
        ),
    ],
}

DEVIATIONS = {
    "slug": "deviations-oos-and-capa",
    "title": "Deviations, out-of-specification results and CAPA",
    "area": "QA",
    "competencies": ["QA-01"],
    "bands": (4, 7),
    "minutes": 55,
    "cpd": "1.5",
    "public": False,
    "summary": "How to recognise and report a deviation, investigate it to a root cause, handle out-of-specification results and make corrective and preventive action work.",
    "outcomes": [
        "Recognise and report deviations and incidents promptly",
        "Investigate to a root cause and handle out-of-specification results",
        "Write corrective and preventive actions and check they were effective",
    ],
    "lessons": [
        (
            "What counts as a deviation",
            [
                text(
                    "A deviation is any departure from an approved procedure, specification or standard. Some are planned and approved in advance; most are unplanned and must be reported as soon as they are noticed.",
                    bullets(
                        "a step done out of order or missed",
                        "an environmental monitoring result over its action limit",
                        "equipment used past its calibration or service date",
                        "a label or material discrepancy at reconciliation",
                    ),
                ),
                inset(
                    "Reporting a deviation is part of doing the job well. A unit with very few deviations reported usually has a reporting problem, not perfect practice."
                ),
            ],
        ),
        (
            "Investigation, root cause and OOS results",
            [
                text(
                    "An investigation asks what happened, what the impact on product and patients is, and why it happened. Tools such as '5 whys' and a fishbone (Ishikawa) diagram help you get past the first answer, which is often 'human error', to the cause that can be fixed.",
                    "An <strong>out-of-specification (OOS)</strong> result is a test result outside its specification. First check for an obvious laboratory error. If none is found, a full investigation follows.",
                ),
                warning(
                    "No testing into compliance",
                    "Retesting until a passing result appears, and reporting only that result, is not allowed. Every result is recorded and explained.",
                ),
                check(
                    "An investigation concludes 'operator error'. Is that a root cause?",
                    (
                        "Usually not: ask why the error was possible, for example a confusing worksheet or rushed workload",
                        True,
                        "Right. Root causes are things the system can change.",
                    ),
                    (
                        "Yes, retraining the operator closes it",
                        False,
                        "Retraining alone rarely stops the same thing happening to the next person.",
                    ),
                ),
            ],
        ),
        (
            "CAPA and effectiveness",
            [
                summary_list(
                    (
                        "Corrective action",
                        "Removes the cause of this deviation so it does not happen again.",
                    ),
                    (
                        "Preventive action",
                        "Removes the cause of a possible problem elsewhere, before it happens.",
                    ),
                    (
                        "Effectiveness check",
                        "A planned check, with a date and a measure, that the action worked.",
                    ),
                ),
                do_list(
                    "give every action an owner and a due date",
                    "decide in advance how you will know the action worked",
                ),
                dont_list(
                    "close a CAPA because the action was done, without checking it worked",
                ),
            ],
        ),
    ],
}

TRAIN_THE_TRAINER = {
    "slug": "train-the-trainer",
    "title": "Train the trainer: workplace assessor and mentor",
    "area": "EDU",
    "competencies": ["EDU-01"],
    "bands": (5, 81),
    "minutes": 60,
    "cpd": "2.0",
    "public": True,
    "summary": "How to teach practical skills, assess competence fairly against a checklist, and give feedback that helps people improve.",
    "outcomes": [
        "Plan workplace teaching using explain, demonstrate, practise and feedback",
        "Assess a trainee by direct observation against a checklist",
        "Give specific, balanced feedback and record a fair outcome",
    ],
    "lessons": [
        (
            "How people learn practical skills",
            [
                text(
                    "Adults learn practical skills best when they understand why a step matters, see it done well, practise it with support and get feedback straight away.",
                    numbered(
                        "Explain the task and why each step matters.",
                        "Demonstrate it at normal speed, then slowly.",
                        "Let the trainee practise while you watch and prompt.",
                        "Give feedback, then let them practise again.",
                    ),
                ),
                inset(
                    "A mentor supports someone's development over time and may be in another organisation. An assessor decides whether someone is competent. One person can do both, but not at the same time for the same task."
                ),
            ],
        ),
        (
            "Assessing by direct observation",
            [
                text(
                    "A workplace assessment is made by watching the trainee do the real task, against the checklist for that competency. Every criterion must be met."
                ),
                do_list(
                    "assess only competencies you are accredited to assess",
                    "watch the whole task, and ask questions afterwards to check understanding",
                    "record each checklist criterion as you observe it",
                ),
                dont_list(
                    "sign off your own work or competence",
                    "pass someone because they are nearly there: record 'not yet competent' with clear actions",
                ),
                check(
                    "A trainee meets every criterion except that they forget to disinfect a vial top. What is the outcome?",
                    (
                        "Not yet competent, with feedback and a plan to reassess",
                        True,
                        "Right. Every criterion must be met, and this one protects the patient.",
                    ),
                    (
                        "Competent, with a note to remind them",
                        False,
                        "No. A missed critical step means they are not yet competent.",
                    ),
                ),
            ],
        ),
        (
            "Feedback and sign-off",
            [
                text(
                    "Good feedback is specific, timely and balanced. Start by asking the trainee how they think it went, then say what went well and what to do differently, with examples from what you saw."
                ),
                details(
                    "What your signature means",
                    "When you sign off an assessment you are confirming that you observed the trainee and that they met every criterion on that date. Your electronic signature is a GxP record: it is permanent and cannot be edited. If something was recorded wrongly, a correction is a new record with a reason.",
                ),
            ],
        ),
    ],
}

MODULES = [
    NON_STERILE,
    RADIATION,
    ENVIRONMENTAL_MONITORING,
    DEVIATIONS,
    TRAIN_THE_TRAINER,
]
