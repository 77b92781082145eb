"""Demo modules of Aseptic preparation, written for the Academy."""

from ..stream import (
    care_card,
    check,
    do_list,
    inset,
    numbered,
    summary_list,
    table,
    text,
    warning,
)

GOWNING = {
    "slug": "cleanroom-entry-and-aseptic-gowning",
    "title": "Cleanroom entry and aseptic gowning",
    "area": "ASP",
    "competencies": ["ASP-01", "ASP-02", "ASP-03"],
    "bands": (2, 6),
    "minutes": 50,
    "cpd": "1.5",
    "public": False,
    "summary": "How to prepare, enter the cleanroom and put on sterile clothing without contaminating it, and how your gowning is qualified.",
    "outcomes": [
        "Prepare yourself for cleanroom work and know when you must not enter",
        "Follow the gowning sequence for a grade B cleanroom",
        "Describe how gowning is qualified by visual and microbial assessment",
    ],
    "lessons": [
        (
            "Before you enter: hygiene and readiness",
            [
                text(
                    "People are the biggest source of contamination in a cleanroom. We shed skin cells and micro-organisms all the time, and more when we move quickly or talk. Good practice starts before you reach the changing room."
                ),
                do_list(
                    "remove jewellery, watches and make-up before entering",
                    "tie back long hair and keep fingernails short, clean and free of varnish",
                    "wash your hands and forearms with soap and water, following the hand-washing sequence",
                    "move slowly and deliberately once inside",
                ),
                care_card(
                    "Tell your supervisor before entering if you are unwell",
                    "Do not enter the cleanroom if you have diarrhoea or vomiting, a cold or cough, sunburn, or broken or peeling skin. Tell your supervisor: they will decide what work you can do.",
                ),
                check(
                    "You have a streaming cold on a day you are rostered in the cleanroom. What should you do?",
                    (
                        "Tell your supervisor before entering",
                        True,
                        "Right. Coughing and sneezing spread micro-organisms; your supervisor can move you to other work.",
                    ),
                    (
                        "Wear a second face mask and carry on",
                        False,
                        "No. A mask does not make it safe; your supervisor must decide.",
                    ),
                ),
            ],
        ),
        (
            "The gowning sequence",
            [
                text(
                    "Each unit's procedure sets its own order, so always follow your SOP. The demonstration below shows a typical sequence for entering a grade B room. The aim is always the same: put each item on without letting it touch anything that is not clean, working from the head downwards."
                ),
                {"type": "demonstration", "value": "GOWNING_STEPS"},
                inset(
                    "If a sterile item touches the floor or a non-sterile surface, discard it and start that item again with a new one."
                ),
                check(
                    "Why is the hood put on before the coverall?",
                    (
                        "So that the coverall collar can cover the bottom of the hood, and nothing falls onto clean clothing",
                        True,
                        "Right. Working from the head down keeps shed particles away from garments already on.",
                    ),
                    (
                        "It does not matter which goes first",
                        False,
                        "It does: the order keeps the gown closed and clean.",
                    ),
                ),
            ],
        ),
        (
            "Gowning qualification",
            [
                text(
                    "Before you work in a grade A or B area without supervision you must pass a gowning qualification, and you must requalify at least once a year (EU GMP Annex 1).",
                    numbered(
                        "An assessor watches you gown and checks each step against a checklist (the visual assessment).",
                        "Straight after gowning, contact plates are pressed onto set places on your gown, such as the hood, mask area, forearms and gloves (the microbial assessment).",
                        "The plates are incubated and counted. Results must be within the limits for the grade.",
                    ),
                ),
                table(
                    "Limits for gloves and gown in grade A and B (EU GMP Annex 1, 2022)",
                    ["Grade", "Glove print, 5 fingers", "Gown contact plate"],
                    [
                        ["A", "No growth", "No growth"],
                        ["B", "5 CFU per glove", "5 CFU per plate"],
                    ],
                ),
                warning(
                    "A failed qualification stops unsupervised work",
                    "If you fail, your gowning qualification is suspended until you have been retrained and pass again. This is a safety measure, not a punishment.",
                ),
            ],
        ),
    ],
}

BROTH = {
    "slug": "operator-broth-transfer-validation",
    "title": "Operator broth transfer validation and finger dabs",
    "area": "ASP",
    "competencies": ["ASP-08", "ASP-09"],
    "bands": (2, 6),
    "minutes": 45,
    "cpd": "1.0",
    "public": False,
    "summary": "How broth transfer tests show that you can work aseptically, how finger dabs monitor every session, and what happens when a result fails.",
    "outcomes": [
        "Explain what a broth transfer test shows about an operator",
        "Describe how the test is performed, incubated and read",
        "Describe the requalification rules and what happens after a failure or an adverse finger-dab trend",
    ],
    "lessons": [
        (
            "What a broth transfer test shows",
            [
                text(
                    "A broth transfer test (a type of process simulation) repeats the manipulations you do in real work, but with a sterile growth medium, tryptone soya broth, instead of medicine. If your technique lets micro-organisms in, they grow and the broth turns cloudy.",
                    "Because the broth would grow almost any contaminant, a pass is good evidence that your technique protects the product. It tests you, not the product.",
                ),
                summary_list(
                    ("Initial qualification", "Three consecutive passes"),
                    ("Requalification", "Every 6 months (check your local QA policy)"),
                    (
                        "Unsupervised aseptic work",
                        "Needs a current broth transfer validation and a current gowning qualification",
                    ),
                ),
            ],
        ),
        (
            "Performing and reading the test",
            [
                text(
                    numbered(
                        "Use the kit and lot stated in the procedure and record both.",
                        "Carry out the set manipulations in the grade A zone exactly as you would in a real session: vials, ampoules, syringes and bags.",
                        "Label the final containers and record the date and time you finished.",
                        "Incubate as the procedure states, commonly 7 days at 20 to 25 °C then 7 days at 30 to 35 °C.",
                        "A trained person reads each container for cloudiness, records the result and signs.",
                    ),
                ),
                inset(
                    "The record must show the kit and lot, the manipulations, when incubation started, when it was read, the result and who read it."
                ),
                check(
                    "After incubation, one of your bags is cloudy. What does that mean?",
                    (
                        "The test has failed and must be investigated",
                        True,
                        "Right. Any growth is a failure. The organism is usually identified to help find the cause.",
                    ),
                    (
                        "The broth was probably faulty, so it can be ignored",
                        False,
                        "No. A failure is never ignored; the investigation decides the cause.",
                    ),
                ),
            ],
        ),
        (
            "Finger dabs, failures and trends",
            [
                text(
                    "At the end of every aseptic session you press the fingertips of each gloved hand onto an agar plate. In grade A the expected result is no growth. These finger dabs monitor your technique between broth tests."
                ),
                warning(
                    "What suspends your validation",
                    "A failed broth transfer test, an adverse trend in your finger dabs, or being linked to a failed process simulation suspends your validation. You may only work under supervision until you have been retrained and passed again. Nothing is deleted: the failure stays on your record with the retraining that followed.",
                ),
                check(
                    "Your finger dabs have shown growth in three of your last five sessions. What happens?",
                    (
                        "It is an adverse trend: your validation is suspended until retraining and a new pass",
                        True,
                        "Right. A trend suggests a technique problem even if each count looked small.",
                    ),
                    (
                        "Nothing, because each result was low",
                        False,
                        "No. Trends matter as well as single results.",
                    ),
                ),
            ],
        ),
    ],
}

GOWNING_STEPS = [
    (
        "Put on overshoes or cross the step-over bench into the changing area.",
        "A foot crossing a step-over bench from the dirty side to the clean side",
    ),
    (
        "Disinfect your hands and put on a sterile hood, tucking in all hair.",
        "A hood covering the head and neck, with no hair showing",
    ),
    (
        "Put on the face mask so it covers your nose and mouth.",
        "A face mask worn over the nose and mouth under the hood",
    ),
    (
        "Step into the sterile coverall without letting it touch the floor, and close it over the hood.",
        "A coverall being stepped into, held clear of the floor",
    ),
    (
        "Put on sterile boots over the coverall legs.",
        "Sterile boots pulled up over the coverall legs",
    ),
    (
        "Put on sterile gloves over the cuffs, then goggles, and disinfect your gloves.",
        "Gloved hands with the glove cuffs over the coverall sleeves",
    ),
]
