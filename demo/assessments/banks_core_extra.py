"""More demo questions for the core and aseptic modules, so that each bank holds at
least three times the questions an attempt draws and a retake meets new questions."""
# ruff: noqa: RUF001  (worked answers use the real multiplication and minus signs)

from .builders import calculation, choice, true_false

GMP = [
    choice(
        "Quality system",
        "What is the purpose of change control?",
        correct="To assess, approve and record a proposed change before it is made, so its effect on quality is understood",
        wrong=[
            "To record changes after they have been made, when there is time",
            "To let the person making a change approve it themselves",
            "To keep a list of staff changes for the rota",
        ],
        feedback="Change control assesses the impact of a planned change on product quality, gets it approved before it is made, and records it, including any validation needed.",
    ),
    choice(
        "Licensing",
        "Which guidance sets out good manufacturing practice for medicines made in the UK?",
        correct="The Rules and Guidance for Pharmaceutical Manufacturers and Distributors (the 'Orange Guide')",
        wrong=[
            "The British National Formulary",
            "Immunisation against infectious disease (the 'Green Book')",
            "The Yellow Card reporting guidance",
        ],
        feedback="The MHRA's 'Orange Guide' brings together UK GMP (based on EU GMP, including Annex 1 for sterile products) and good distribution practice.",
    ),
    true_false(
        "Release",
        "An urgently needed product may go to the ward before its batch record has been checked and the product approved, as long as the check is done later that day.",
        answer=False,
        feedback="No product leaves the unit until its batch record has been checked and the product approved by an authorised person. Urgency is met by planning, not by skipping release.",
    ),
    choice(
        "Quality system",
        "Which of these should go through change control?",
        correct=[
            "Changing the supplier of a starting material",
            "Replacing a cleanroom's HEPA filters with a different model",
        ],
        wrong=[
            "Daily cleaning carried out exactly as the SOP says",
            "Receiving a new batch of a material from its approved supplier",
        ],
        feedback="New suppliers and changes to equipment or premises can affect quality, so they are assessed and approved first. Routine work done as written, and new batches from an approved supplier, are not changes.",
    ),
    true_false(
        "Quality system",
        "Self-inspection (internal audit) is part of the pharmaceutical quality system, and its findings are recorded and followed up.",
        answer=True,
        feedback="EU GMP Chapter 9 requires self-inspections to a programme, with findings recorded and corrective actions followed up.",
    ),
    calculation(
        "Calculations",
        "A batch record allows a yield of 95% to 102%. The theoretical quantity is 240 units and 226 units were packed. What is the yield, to one decimal place?",
        answer="94.2",
        unit="%",
        tolerance="0.1",
        feedback="Yield = 226 ÷ 240 × 100 = 94.2%. That is below the 95% limit, so the batch is investigated before any decision on release.",
    ),
    calculation(
        "Calculations",
        "You dilute 20 mL of a 50 mg/mL concentrate to a final volume of 100 mL. What is the final concentration?",
        answer="10",
        unit="mg/mL",
        tolerance="0.01",
        feedback="The drug is 20 × 50 = 1000 mg; in 100 mL that is 1000 ÷ 100 = 10 mg/mL (C1 × V1 = C2 × V2).",
    ),
]

DOCUMENTATION = [
    choice(
        "ALCOA+",
        "In ALCOA, what does 'Attributable' mean?",
        correct="It is clear who recorded the data or did the action, and when",
        wrong=[
            "The record can be read by anyone",
            "The data were recorded at the time of the action",
            "The data can be copied into another system",
        ],
        feedback="Attributable: every entry can be traced to the person who made it (signature, initials or unique login) and the time. 'Contemporaneous' is recorded at the time; 'Legible' is readable.",
    ),
    true_false(
        "Correcting records",
        "Correction fluid may be used on a batch record if the correction is initialled and dated.",
        answer=False,
        feedback="The original entry must stay legible. Strike it through once, write the correct entry, initial, date and give the reason; never obscure it.",
    ),
    choice(
        "Electronic records",
        "What is an audit trail in a computerised GMP system?",
        correct="A secure, time-stamped record made by the system of who created, changed or deleted data, and why",
        wrong=[
            "A paper list of the people allowed to use the system",
            "A backup copy of the database made each night",
            "The user manual of the system",
        ],
        feedback="An audit trail is generated by the system and cannot be edited by users. It lets a reviewer reconstruct what happened to each GMP record.",
    ),
    choice(
        "Correcting records",
        "Which are correct ways to correct an entry on a paper record?",
        correct=[
            "Strike through the wrong entry once so it stays legible",
            "Initial and date the correction",
            "Give the reason for the correction when it is not obvious",
        ],
        wrong=["Write the right figures over the wrong ones"],
        feedback="Single line through, correct value beside it, initials, date and reason. Overwriting makes the original unreadable and the record unreliable.",
    ),
    true_false(
        "ALCOA+",
        "A temperature noted on your glove and copied into the record at the end of the session is an acceptable original record.",
        answer=False,
        feedback="Data are recorded directly and contemporaneously on the approved record. Notes on gloves or scraps of paper are not original records and are lost.",
    ),
    calculation(
        "Calculations",
        "A worksheet needs 0.6 g of a drug from a 200 mg/mL concentrate. What volume of concentrate must be recorded?",
        answer="3",
        unit="mL",
        tolerance="0.01",
        feedback="0.6 g = 600 mg; 600 mg ÷ 200 mg/mL = 3 mL. Converting grams to milligrams first avoids a thousand-fold error.",
    ),
    calculation(
        "Calculations",
        "A review finds 12 corrected entries among 480 entries in a month's batch records. What percentage of entries were corrected?",
        answer="2.5",
        unit="%",
        tolerance="0.01",
        feedback="12 ÷ 480 × 100 = 2.5%. Trending corrections shows where forms or training need improving.",
    ),
]

GOWNING = [
    choice(
        "Cleanroom grades",
        "Which grade is the critical zone where sterile product is exposed, such as the work zone of a laminar airflow cabinet?",
        correct="Grade A",
        wrong=["Grade B", "Grade C", "Grade D"],
        feedback="Grade A is the zone for high-risk operations where product and sterile surfaces are exposed. Grade B is the background for a grade A cabinet; C and D are for less critical steps.",
        competency="ASP-01",
    ),
    choice(
        "Gowning technique",
        "What is the purpose of the step-over bench in a changing room?",
        correct="It marks the boundary between the dirtier and cleaner sides of the change, so outdoor footwear never crosses it",
        wrong=[
            "It is a seat for resting during long sessions",
            "It stores sterile gloves",
            "It is where you disinfect the cleanroom floor",
        ],
        feedback="You sit on the bench and swing each foot over, putting on cleanroom footwear or overshoes as it crosses, so dirt from outside stays on the dirty side.",
        competency="ASP-02",
    ),
    true_false(
        "Cleanroom behaviour",
        "Moving slowly and keeping talking to a minimum in the cleanroom reduces the particles and microorganisms you shed.",
        answer=True,
        feedback="People are the main source of contamination. Fast movement and talking increase shedding and disturb the airflow.",
        competency="ASP-01",
    ),
    choice(
        "Cleanroom behaviour",
        "Which of these break cleanroom discipline?",
        correct=[
            "Wearing a wristwatch under the coverall",
            "Touching your face mask with gloved hands and carrying on working",
        ],
        wrong=[
            "Disinfecting gloves before returning your hands to the grade A zone",
            "Checking your gown in the mirror before entering",
        ],
        feedback="Jewellery and watches are removed before gowning, and gloves that touch the face or mask are contaminated: disinfect or change them before going on. Checking the gown in a mirror is good practice.",
        competency="ASP-02",
    ),
    true_false(
        "Gowning qualification",
        "Once qualified in gowning, an operator never needs to be reassessed.",
        answer=False,
        feedback="EU GMP Annex 1 requires gowning to be requalified periodically (at least once a year) and after a failure, with microbiological monitoring of the gown.",
        competency="ASP-02",
    ),
    calculation(
        "Calculations",
        "A cleanroom measures 4 m by 3 m by 2.5 m and is supplied with 600 m³ of filtered air per hour. How many air changes per hour is that?",
        answer="20",
        unit="per hour",
        tolerance="0.1",
        feedback="Room volume = 4 × 3 × 2.5 = 30 m³. Air changes per hour = 600 ÷ 30 = 20.",
        competency="ASP-01",
    ),
    calculation(
        "Calculations",
        "A disinfectant is used diluted 1 in 100 with water. How much concentrate do you need to make 750 mL?",
        answer="7.5",
        unit="mL",
        tolerance="0.05",
        feedback="1 in 100 means 1 part in 100 parts of final solution: 750 ÷ 100 = 7.5 mL of concentrate, made up to 750 mL with water.",
        competency="ASP-01",
    ),
]

BROTH = [
    choice(
        "Broth transfer",
        "Which growth medium is usually used for operator broth transfer tests?",
        correct="Tryptone soya broth (soybean-casein digest medium)",
        wrong=[
            "Sterile water for injections",
            "Sodium chloride 0.9% injection",
            "Glucose 5% injection",
        ],
        feedback="Tryptone soya broth supports a wide range of bacteria and fungi, so any contamination introduced during the manipulations grows and shows as turbidity.",
        competency="ASP-08",
    ),
    true_false(
        "Broth transfer",
        "A positive control shows that the batch of broth can support growth, so a clear test unit means no contamination rather than a medium that could not grow anything.",
        answer=True,
        feedback="Growth promotion testing of the medium is what makes a negative result meaningful.",
        competency="ASP-08",
    ),
    choice(
        "Finger dabs",
        "Under EU GMP Annex 1, what is the limit for a five-finger glove print taken in a grade A zone?",
        correct="No growth: any growth is investigated",
        wrong=["Less than 5 cfu", "Less than 25 cfu", "Less than 50 cfu"],
        feedback="Annex 1 (2022) sets 'no growth' for grade A glove prints; 5 cfu applies in grade B.",
        competency="ASP-09",
    ),
    choice(
        "Records",
        "Which of these lead to a repeat broth transfer validation outside the routine schedule?",
        correct=[
            "A failed broth transfer test",
            "An absence from aseptic work longer than local procedures allow",
        ],
        wrong=[
            "Completing a GMP refresher e-learning module",
            "A routine finger dab with no growth",
        ],
        feedback="A failure, or a long break from aseptic work, means the operator's technique must be shown again before they work unsupervised.",
        competency="ASP-08",
    ),
    true_false(
        "Broth transfer",
        "A broth transfer test may be done in a quieter, cleaner room than usual to improve the chance of passing.",
        answer=False,
        feedback="The test must represent routine work, including the usual room, equipment and worst-case manipulations; otherwise a pass proves nothing about daily practice.",
        competency="ASP-08",
    ),
    calculation(
        "Calculations",
        "A broth transfer test uses 10 units of 20 mL each, and you prepare an extra 10% of the total as an allowance. How much broth do you need?",
        answer="220",
        unit="mL",
        tolerance="0.5",
        feedback="10 × 20 = 200 mL; 10% of 200 mL = 20 mL; 200 + 20 = 220 mL.",
        competency="ASP-08",
    ),
    calculation(
        "Calculations",
        "In a year an operator had 48 finger dab sessions and 3 of them showed growth. What percentage of sessions showed growth?",
        answer="6.25",
        unit="%",
        tolerance="0.05",
        feedback="3 ÷ 48 × 100 = 6.25%. Trending results, not single plates, reveals a declining technique.",
        competency="ASP-09",
    ),
]
