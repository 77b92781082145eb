"""Demo modules of quality control, quality assurance and education, written for the
Academy."""

from ..stream import (
    bullets,
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
