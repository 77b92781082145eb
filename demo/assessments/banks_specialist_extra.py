"""More demo questions for the manufacturing, radiopharmacy, QC, QA and education
modules, so that each bank holds at least three times the questions an attempt draws."""
# ruff: noqa: RUF001  (worked answers use the real multiplication and minus signs)

from .builders import calculation, choice, true_false

MANUFACTURING = [
    choice(
        "Reconciliation",
        "What does the reconciliation of a batch compare?",
        correct="The quantities of materials, labels and product issued with those used, returned and destroyed",
        wrong=[
            "The batch's price with the budget",
            "The time the batch took with the time planned",
            "The operator's signature with the one on file",
        ],
        feedback="Reconciliation accounts for everything issued to the batch. An unexplained difference may mean a mix-up or mislabelling, so it is investigated.",
    ),
    true_false(
        "Line clearance",
        "Line clearance is recorded in the batch record of the batch about to start.",
        answer=True,
        feedback="The line clearance check, and who did and checked it, is part of the record of the batch that follows.",
    ),
    choice(
        "Weighing",
        "The check weight on a balance reads outside its tolerance before use. What do you do?",
        correct="Do not use the balance: label it out of use and report it",
        wrong=[
            "Use it and correct each weight by the difference",
            "Use it if the difference is less than 1 g",
            "Re-zero it and carry on without recording anything",
        ],
        feedback="A balance that fails its check is not fit for use until it is investigated and recalibrated; results since the last good check may need review.",
    ),
    choice(
        "Line clearance",
        "Which of these must be removed from the area during line clearance?",
        correct=[
            "Labels of the previous batch",
            "Leftover product and components of the previous batch",
            "Documents of the previous batch",
        ],
        wrong=["The calibrated balance fixed to the bench"],
        feedback="Everything belonging to the previous batch is removed so it cannot be mixed up with the next. Fixed, cleaned equipment stays.",
    ),
    true_false(
        "Weighing",
        "A starting material may be weighed for production while it is still in quarantine, as long as the weight is recorded.",
        answer=False,
        feedback="Only materials released by quality control (status 'released' or 'approved') may be used in production.",
    ),
    calculation(
        "Calculations",
        "520 labels were issued. 500 were used on product, 12 were returned unused and 6 were destroyed as damaged. How many labels are unaccounted for?",
        answer="2",
        unit="labels",
        feedback="500 + 12 + 6 = 518, so 520 − 518 = 2 labels are unaccounted for. Missing printed labels are investigated before the batch is released.",
    ),
    calculation(
        "Calculations",
        "A suspension contains 5 g of drug in every 100 mL. How much drug is needed for 750 mL?",
        answer="37.5",
        unit="g",
        tolerance="0.01",
        feedback="5 g ÷ 100 mL × 750 mL = 37.5 g.",
    ),
]

RADIATION = [
    choice(
        "Regulations",
        "Which regulations govern medical exposures, such as giving a radiopharmaceutical to a patient?",
        correct="The Ionising Radiation (Medical Exposure) Regulations 2017 (IR(ME)R)",
        wrong=[
            "The Control of Substances Hazardous to Health Regulations 2002 (COSHH)",
            "The Health and Safety (Display Screen Equipment) Regulations 1992",
            "The Medicines Act 1968 alone",
        ],
        feedback="IR(ME)R 2017 protects patients undergoing medical exposures; IRR17 protects workers and the public.",
    ),
    choice(
        "Protection",
        "Why do you use a syringe shield when drawing up a radiopharmaceutical?",
        correct="It shields your fingers, reducing the dose to your hands",
        wrong=[
            "It keeps the syringe sterile",
            "It makes the activity measurement more accurate",
            "It stops the syringe from leaking",
        ],
        feedback="Extremity doses in radiopharmacy are dominated by the fingers holding the syringe. Tungsten or lead shields reduce them a great deal.",
    ),
    true_false(
        "Local rules",
        "The radiation protection supervisor is appointed by the employer and named in the local rules.",
        answer=True,
        feedback="IRR17 requires the employer to appoint radiation protection supervisors and to name them in the local rules.",
    ),
    choice(
        "Protection",
        "Which of these reduce the dose to your hands when you handle a technetium-99m eluate?",
        correct=[
            "Using tongs or forceps to increase distance",
            "Working behind lead or tungsten shielding",
            "Planning the task so that handling time is short",
        ],
        wrong=["Wearing two pairs of gloves"],
        feedback="Time, distance and shielding reduce dose. Gloves protect against contamination, not against external radiation.",
    ),
    true_false(
        "Protection",
        "Personal dosemeters need to be worn only when you expect a high dose.",
        answer=False,
        feedback="Classified and monitored workers wear their dosemeters whenever they work with radiation, as the local rules say; otherwise the record of dose is incomplete.",
    ),
    calculation(
        "Calculations",
        "A technetium-99m eluate holds 12 GBq in 6 mL. What volume contains 800 MBq?",
        answer="0.4",
        unit="mL",
        tolerance="0.01",
        feedback="12 GBq = 12,000 MBq; 12,000 ÷ 6 = 2,000 MBq per mL; 800 ÷ 2,000 = 0.4 mL.",
    ),
    calculation(
        "Calculations",
        "Fluorine-18 has a half-life of 110 minutes. A dose measures 400 MBq at 09:00. What is its activity at 12:40?",
        answer="100",
        unit="MBq",
        tolerance="1",
        feedback="09:00 to 12:40 is 220 minutes, two half-lives: 400 → 200 → 100 MBq.",
    ),
]

MONITORING = [
    choice(
        "Limits",
        "Under EU GMP Annex 1, what is the limit for active air samples in grade A?",
        correct="No growth: any growth is investigated",
        wrong=["Less than 10 cfu/m³", "Less than 100 cfu/m³", "Less than 200 cfu/m³"],
        feedback="Annex 1 (2022) sets 'no growth' for grade A; 10 cfu/m³ applies in grade B, 100 in C and 200 in D.",
    ),
    choice(
        "Methods",
        "What are contact plates used for?",
        correct="Sampling microorganisms on flat surfaces such as work surfaces, walls and gowns",
        wrong=[
            "Counting airborne particles",
            "Measuring the air pressure between rooms",
            "Sampling the air drawn through a sampler",
        ],
        feedback="Contact plates are pressed onto flat surfaces. Settle plates and active air samplers sample the air; particle counters count non-viable particles.",
    ),
    true_false(
        "Limits",
        "Alert limits are usually set from the trend of historical results and are lower than action limits.",
        answer=True,
        feedback="An alert limit gives early warning of a drift from normal conditions, before the action limit is reached.",
    ),
    choice(
        "Methods",
        "Which should be recorded with every environmental monitoring sample?",
        correct=[
            "The location sampled",
            "The date and time",
            "The person who took the sample",
        ],
        wrong=["The prescriber of the product being made"],
        feedback="Location, date, time and sampler make each result attributable and let trends be traced to places and activities.",
    ),
    true_false(
        "Particles",
        "A grade A zone is monitored for particles continuously throughout critical processing.",
        answer=True,
        feedback="Annex 1 requires continuous particle monitoring of grade A for the whole of critical processing, including equipment assembly.",
    ),
    calculation(
        "Calculations",
        "An active air sampler runs at 100 litres per minute for 10 minutes and the plate grows 4 cfu. What is the count per cubic metre?",
        answer="4",
        unit="cfu/m³",
        tolerance="0.01",
        feedback="100 L/min × 10 min = 1,000 L = 1 m³, so 4 cfu/m³.",
    ),
    calculation(
        "Calculations",
        "A particle counter samples 28.3 litres per minute. How many minutes does it take to sample 1 cubic metre, to one decimal place?",
        answer="35.3",
        unit="minutes",
        tolerance="0.1",
        feedback="1 m³ = 1,000 L; 1,000 ÷ 28.3 = 35.3 minutes.",
    ),
]

DEVIATIONS = [
    choice(
        "CAPA",
        "What is the difference between a corrective and a preventive action?",
        correct="A corrective action removes the cause of a problem that has happened; a preventive action removes the cause of one that could happen",
        wrong=[
            "A corrective action is urgent; a preventive action is optional",
            "A corrective action is done by QA; a preventive action by operators",
            "There is no difference",
        ],
        feedback="Corrective actions stop a problem recurring; preventive actions stop a potential problem occurring at all.",
    ),
    choice(
        "Investigation",
        "What does the '5 whys' technique do?",
        correct="It asks 'why?' again and again until the root cause, not the symptom, is reached",
        wrong=[
            "It lists five people to blame",
            "It limits an investigation to five days",
            "It checks five batches either side of the deviation",
        ],
        feedback="Asking 'why?' repeatedly moves past the first explanation (often 'human error') to the system cause that a CAPA can fix.",
    ),
    true_false(
        "Investigation",
        "A deviation should be reported only once the investigation has found its root cause.",
        answer=False,
        feedback="Report a deviation as soon as it is found, so product can be quarantined and the investigation started while evidence is fresh.",
    ),
    choice(
        "CAPA",
        "Which of these make a CAPA effective?",
        correct=[
            "It addresses the root cause the investigation found",
            "It has an owner and a due date",
            "Its effectiveness is checked afterwards",
        ],
        wrong=["It is closed as soon as it is written"],
        feedback="An effective CAPA tackles the root cause, is owned and time-bound, and is verified as having worked before closure.",
    ),
    true_false(
        "Out of specification",
        "An out-of-specification investigation begins with a laboratory investigation of the test itself before looking at manufacturing.",
        answer=True,
        feedback="Phase I checks for an assignable laboratory error; if none is found, phase II extends to manufacturing.",
    ),
    calculation(
        "Calculations",
        "Of 40 deviations reported in a year, 6 were classed as major. What percentage were major?",
        answer="15",
        unit="%",
        tolerance="0.01",
        feedback="6 ÷ 40 × 100 = 15%.",
    ),
    calculation(
        "Calculations",
        "A syringe labelled 25 mg in 5 mL was made by drawing 1.5 mL of a 20 mg/mL concentrate and diluting to 5 mL. How many mg does it actually contain?",
        answer="30",
        unit="mg",
        tolerance="0.01",
        feedback="1.5 mL × 20 mg/mL = 30 mg, not the 25 mg on the label: a 20% overdose, reported as a deviation.",
    ),
]

EDUCATION = [
    choice(
        "Roles",
        "What is the main purpose of a training needs analysis?",
        correct="To find the gap between the knowledge and skills a role needs and those the person has",
        wrong=[
            "To rank staff for promotion",
            "To decide the order of the duty rota",
            "To record attendance at training",
        ],
        feedback="A training needs analysis identifies what someone needs to learn, so the training plan targets the gap.",
    ),
    choice(
        "Sign-off",
        "A trainee performs well, but the assessor saw only part of the procedure. What should the assessor do?",
        correct="Observe the whole procedure before signing off",
        wrong=[
            "Sign off, because the part seen was good",
            "Ask the trainee to describe the rest and sign off",
            "Sign off and note that part was not seen",
        ],
        feedback="A sign-off states that the assessor saw the trainee meet every criterion. Judgement cannot rest on parts not observed.",
    ),
    true_false(
        "Evidence",
        "Witness testimony from a colleague who saw the trainee work can support, but not replace, the assessor's own judgement.",
        answer=True,
        feedback="Witness testimony is supporting evidence; the accredited assessor makes and signs the judgement.",
    ),
    choice(
        "Feedback",
        "Which of these are features of a SMART objective?",
        correct=["Specific", "Measurable", "Time-bound"],
        wrong=["Subjective"],
        feedback="SMART: Specific, Measurable, Achievable, Relevant and Time-bound.",
    ),
    true_false(
        "Roles",
        "A trainer may assess a competence they are not accredited to assess if no one else is available.",
        answer=False,
        feedback="Only an assessor accredited for the competence may sign it off. Ask the training lead to arrange an accredited assessor.",
    ),
    calculation(
        "Calculations",
        "The pass mark is 80% and the assessment has 15 questions. What is the fewest correct answers that pass?",
        answer="12",
        unit="answers",
        feedback="80% of 15 = 12, so 12 correct answers pass.",
    ),
    calculation(
        "Calculations",
        "A training plan has 24 competences and the trainee has achieved 18. What percentage is complete?",
        answer="75",
        unit="%",
        tolerance="0.01",
        feedback="18 ÷ 24 × 100 = 75%.",
    ),
]
