"""Demo question banks for the core and aseptic modules."""
# ruff: noqa: RUF001  (worked answers use the real multiplication and minus signs)

from .builders import calculation, choice, true_false

GMP = [
    choice(
        "Licensing",
        "Which body grants the manufacturer's licence under which a licensed NHS aseptic unit prepares medicines?",
        correct="The Medicines and Healthcare products Regulatory Agency (MHRA)",
        wrong=[
            "The Care Quality Commission (CQC)",
            "The General Pharmaceutical Council (GPhC)",
            "NHS England",
        ],
        feedback="The MHRA licenses and inspects manufacturers, including NHS units holding a manufacturer's 'specials' licence. The CQC regulates care providers and the GPhC regulates pharmacy professionals and premises.",
    ),
    choice(
        "Licensing",
        "An unlicensed hospital unit prepares medicines under the Section 10 exemption. Which condition applies?",
        correct="Preparation is done by or under the supervision of a pharmacist",
        wrong=[
            "Preparation is done under a manufacturer's licence issued by the MHRA",
            "Products may be sold to any other organisation",
            "No pharmacist needs to be involved if the worksheet is signed",
        ],
        feedback="Section 10 of the Medicines Act 1968 exempts preparation in a registered pharmacy or hospital by or under the supervision of a pharmacist. It is not a licence, and supply is limited to the hospital's own patients.",
    ),
    true_false(
        "Quality system",
        "Quality cannot be tested into a medicine: it has to be built in through good manufacturing practice.",
        answer=True,
        feedback="Testing samples only shows that the samples met specification. Assurance that every unit is right comes from controlled premises, processes, people and records.",
    ),
    choice(
        "Quality system",
        "Which of these are parts of a pharmaceutical quality system?",
        correct=[
            "Change control",
            "Deviation management with corrective and preventive action (CAPA)",
            "Management review of quality performance",
        ],
        wrong=["Verbal approval of product release without a record"],
        feedback="A pharmaceutical quality system includes change control, deviation and CAPA management, and management review. Every decision about release must be recorded.",
    ),
    choice(
        "Release",
        "Under an MHRA manufacturer's licence, who certifies that a batch may be released?",
        correct="A Qualified Person (QP) named on the licence",
        wrong=[
            "Any pharmacy technician who prepared the batch",
            "The ward manager who ordered it",
            "The estates manager",
        ],
        feedback="Batches made under a manufacturer's licence are certified by a Qualified Person. In Section 10 units, product approval is by an accredited, authorised pharmacist or technician.",
    ),
    true_false(
        "Quality system",
        "An out-of-specification result may be retested until a passing result is obtained, and only the passing result recorded.",
        answer=False,
        feedback="Testing into compliance is a serious data integrity failure. Every result is recorded and an out-of-specification result is investigated before any retest.",
    ),
    calculation(
        "Calculations",
        "A batch planned to give 200 bags produced 188 bags that passed inspection. What is the yield, as a percentage of the planned quantity?",
        answer="94",
        unit="%",
        tolerance="0.1",
        feedback="Yield = actual ÷ theoretical × 100 = 188 ÷ 200 × 100 = 94%. A yield outside the batch record's limits is investigated before release.",
    ),
    calculation(
        "Calculations",
        "You need 500 mL of 70% v/v isopropyl alcohol made from 99% v/v isopropyl alcohol diluted with water. What volume of 99% alcohol do you need, to the nearest mL?",
        answer="354",
        unit="mL",
        tolerance="1",
        feedback="Use C1 × V1 = C2 × V2: V1 = 70 × 500 ÷ 99 = 353.5 mL, so 354 mL to the nearest mL, made up to 500 mL with water.",
    ),
]

DOCUMENTATION = [
    choice(
        "ALCOA+",
        "In ALCOA, what does the letter C stand for?",
        correct="Contemporaneous",
        wrong=["Controlled", "Consistent", "Confidential"],
        feedback="ALCOA is Attributable, Legible, Contemporaneous, Original and Accurate: record each step when you do it. 'Consistent' is one of the '+' attributes.",
    ),
    choice(
        "Correcting records",
        "How should you correct a mistake on a paper batch record?",
        correct="Draw a single line through it so it stays legible, then write the correct entry with your initials, the date and the reason",
        wrong=[
            "Cover it with correction fluid and write over it",
            "Overwrite the figure so only the right one shows",
            "Copy the page out again without the mistake",
        ],
        feedback="The original entry must stay readable and every correction must be attributable, dated and explained.",
    ),
    true_false(
        "ALCOA+",
        "You may record a step before doing it, to save time, as long as you do it before the end of the shift.",
        answer=False,
        feedback="Records must be contemporaneous: written at the time the step is done, by the person who did it.",
    ),
    choice(
        "ALCOA+",
        "Which of these are among the '+' attributes of ALCOA+?",
        correct=["Complete", "Consistent", "Enduring", "Available"],
        wrong=["Editable", "Anonymous"],
        feedback="ALCOA+ adds Complete, Consistent, Enduring and Available. Records are never anonymous: each entry is attributable to a person.",
    ),
    choice(
        "Electronic records",
        "Colleagues share one login to the compounding software to save time. Is this acceptable?",
        correct="No: each entry must be attributable to one named person",
        wrong=[
            "Yes, if the shift leader knows who is working",
            "Yes, for entries that are later printed and signed",
            "Only at weekends",
        ],
        feedback="Shared logins make electronic records unattributable and defeat the audit trail. Everyone uses their own account.",
    ),
    true_false(
        "Electronic records",
        "Audit trails for GMP electronic records must be switched on and reviewed.",
        answer=True,
        feedback="Audit trails show who changed what and when; they are only useful if enabled and reviewed as part of record review.",
    ),
    calculation(
        "Calculations",
        "A prescription is for 75 mg. The product is 25 mg/mL. What volume must be recorded on the worksheet?",
        answer="3",
        unit="mL",
        feedback="Volume = dose ÷ concentration = 75 mg ÷ 25 mg/mL = 3 mL. The checker repeats the calculation independently.",
    ),
    calculation(
        "Calculations",
        "A worksheet says 1.2 g of drug in a final volume of 60 mL. What concentration must appear on the label, in mg/mL?",
        answer="20",
        unit="mg/mL",
        feedback="1.2 g = 1200 mg; 1200 mg ÷ 60 mL = 20 mg/mL.",
    ),
]

GOWNING = [
    choice(
        "Cleanroom grades",
        "For aseptic preparation in a laminar airflow cabinet (not an isolator), what grade of room must surround the grade A zone?",
        correct="Grade B",
        wrong=["Grade C", "Grade D", "Unclassified"],
        feedback="EU GMP Annex 1: an open grade A zone such as a laminar airflow cabinet needs a grade B background. Isolators may sit in grade D or C.",
        competency="ASP-01",
    ),
    true_false(
        "Cleanroom behaviour",
        "Jewellery, watches and make-up are removed before entering the changing area.",
        answer=True,
        feedback="They shed particles and carry microorganisms, and they cannot be disinfected.",
        competency="ASP-01",
    ),
    choice(
        "Gowning technique",
        "Why do you keep the legs of the sterile coverall off the floor while you put it on?",
        correct="So that the outside of the coverall is not contaminated by the floor",
        wrong=[
            "To stop the coverall tearing",
            "Because the floor is wet after cleaning",
            "So the coverall fits better",
        ],
        feedback="The outside of the sterile coverall must stay sterile. This was a finding of the QAAPS audit in the demo: legs touching the floor.",
        competency="ASP-02",
    ),
    choice(
        "Gowning qualification",
        "Which of these are part of an operator's initial gowning qualification?",
        correct=[
            "Observation of gowning technique against the procedure",
            "Microbiological sampling of the gloves and gown after gowning",
        ],
        wrong=[
            "A verbal statement that the operator has gowned before",
            "Settle plates in the office",
        ],
        feedback="Annex 1 requires gowning qualification by visual assessment and microbial sampling (for example contact plates on gloves, forearms and chest), repeated at least annually.",
        competency="ASP-02",
    ),
    choice(
        "Hand hygiene",
        "When should you disinfect your sterile gloves during aseptic work?",
        correct="Regularly, and after touching anything that may be contaminated",
        wrong=[
            "Only at the end of the session",
            "Never: sterile gloves stay sterile",
            "Only if they look dirty",
        ],
        feedback="Gloves are disinfected frequently with sterile alcohol and whenever they may have been contaminated. Visible dirt is not the test.",
        competency="ASP-03",
    ),
    true_false(
        "Hand hygiene",
        "You wash your hands before gowning even though you will wear sterile gloves.",
        answer=True,
        feedback="Washing removes transient organisms and reduces the risk if a glove is punctured.",
        competency="ASP-03",
    ),
    calculation(
        "Calculations",
        "A sporicidal concentrate is diluted 1 in 50 with water. What volume of concentrate do you need to make 2 litres of solution?",
        answer="40",
        unit="mL",
        feedback="1 in 50 means 1 part in 50 parts in total: 2000 mL ÷ 50 = 40 mL of concentrate, made up to 2000 mL.",
        competency="ASP-01",
    ),
    calculation(
        "Calculations",
        "You need 1 litre of 70% v/v ethanol made from 95% v/v ethanol. What volume of 95% ethanol do you need, to the nearest mL?",
        answer="737",
        unit="mL",
        tolerance="1",
        feedback="C1 × V1 = C2 × V2: V1 = 70 × 1000 ÷ 95 = 736.8 mL, so 737 mL made up to 1000 mL with water.",
        competency="ASP-03",
    ),
]

BROTH = [
    choice(
        "Broth transfer",
        "What does an operator broth transfer validation simulate?",
        correct="The operator's aseptic manipulations, using sterile growth medium in place of the product",
        wrong=[
            "The sterility of the cleanroom air",
            "The operator's gowning technique only",
            "The stability of the finished product",
        ],
        feedback="A broth transfer uses tryptone soya broth in the same manipulations as real work; any contamination grows and shows as turbidity.",
        competency="ASP-08",
    ),
    choice(
        "Broth transfer",
        "How many consecutive passing broth transfer tests does an operator need for initial validation in this framework?",
        correct="3",
        wrong=["1", "2", "5"],
        feedback="Three consecutive initial passes, then a repeat every 6 months (check your local QAAPS policy).",
        competency="ASP-08",
    ),
    true_false(
        "Broth transfer",
        "A single turbid unit means the test has failed and the operator's validation is suspended until investigation and a new pass.",
        answer=True,
        feedback="Any growth is a failure. Validation is suspended, never deleted, until retraining and a new pass.",
        competency="ASP-08",
    ),
    choice(
        "Records",
        "Which of these must the broth transfer record include?",
        correct=[
            "The kit and lot numbers",
            "The incubation start and read dates",
            "Who read the result",
        ],
        wrong=["The operator's home address"],
        feedback="The record keeps kit and lot, the manipulations, incubation dates, the result and who read it.",
        competency="ASP-08",
    ),
    choice(
        "Finger dabs",
        "When are finger dabs taken?",
        correct="From both gloved hands on leaving the critical zone at the end of each session",
        wrong=[
            "Before gowning, from bare hands",
            "Once a year at gowning qualification only",
            "Only when a broth test fails",
        ],
        feedback="Finger dabs (glove prints) are taken each session on leaving the grade A zone; an adverse trend suspends broth transfer validation.",
        competency="ASP-09",
    ),
    true_false(
        "Finger dabs",
        "An adverse trend in an operator's finger dab results can suspend their broth transfer validation.",
        answer=True,
        feedback="Personnel monitoring trends are reviewed; an adverse trend suspends ASP-08 until investigated.",
        competency="ASP-09",
    ),
    calculation(
        "Calculations",
        "The test asks you to draw up a volume equal to a 150 mg dose of a product at 60 mg/mL. What volume do you draw up?",
        answer="2.5",
        unit="mL",
        feedback="Volume = dose ÷ concentration = 150 ÷ 60 = 2.5 mL.",
        competency="ASP-08",
    ),
    calculation(
        "Calculations",
        "Broth units are incubated for 7 days at 20 to 25 °C, then 7 days at 30 to 35 °C. Incubation starts on day 0. On which day is the final read?",
        answer="14",
        unit="days",
        feedback="7 + 7 = 14: the final read is on day 14, recorded with who read it.",
        competency="ASP-08",
    ),
]
