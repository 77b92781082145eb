"""Demo question banks for the manufacturing, radiopharmacy, QC, QA and education modules."""
# ruff: noqa: RUF001  (worked answers use the real multiplication and minus signs)

from .builders import calculation, choice, true_false

MANUFACTURING = [
    choice(
        "Line clearance",
        "What is the purpose of line clearance?",
        correct="To make sure no product, materials, labels or documents from the previous batch remain",
        wrong=[
            "To clean the floor between batches",
            "To check the room temperature",
            "To count the staff in the room",
        ],
        feedback="Line clearance prevents mix-ups: the area and equipment are checked clear of everything from the previous batch before the next starts.",
    ),
    true_false(
        "Line clearance",
        "Line clearance is checked and signed by a second person before the next batch starts.",
        answer=True,
        feedback="An independent check, recorded in the batch record, is required.",
    ),
    choice(
        "Reconciliation",
        "Label reconciliation shows a discrepancy outside the limits in the batch record. What do you do?",
        correct="Stop: the batch is not released and a deviation is raised for investigation",
        wrong=[
            "Adjust the count to match",
            "Release the batch and note it for next time",
            "Destroy the remaining labels",
        ],
        feedback="A reconciliation failure may mean a mislabelled unit. It is investigated before any release decision.",
    ),
    choice(
        "Weighing",
        "Which checks do you make before weighing a starting material?",
        correct=[
            "The balance's daily check is done and in limits",
            "The material and batch number match the batch record",
        ],
        wrong=["The scoop has been used for a different material today"],
        feedback="Balance checks and identity checks come first; utensils are clean and dedicated to avoid cross-contamination.",
    ),
    true_false(
        "Reconciliation",
        "Unused printed labels from a batch may be kept for the next batch of the same product.",
        answer=False,
        feedback="Batch-printed labels are reconciled and the unused ones destroyed, with the destruction recorded.",
    ),
    choice(
        "Weighing",
        "A second person checks a weighing. What must they confirm?",
        correct="The material identity, batch number and the quantity weighed against the record",
        wrong=[
            "Only that the balance was switched on",
            "Only the total batch weight at the end",
            "That the first person signed",
        ],
        feedback="The checker independently confirms identity, batch and quantity at the time of weighing.",
    ),
    calculation(
        "Calculations",
        "A formula contains 2 g of drug in every 100 mL. How much drug is needed for a 2.5 litre batch?",
        answer="50",
        unit="g",
        feedback="2.5 L = 2500 mL; 2 g per 100 mL × 2500 mL ÷ 100 mL = 50 g.",
    ),
    calculation(
        "Calculations",
        "A vial holds 1 g of powder with a displacement value of 0.8 mL per g. What volume of diluent gives a concentration of 250 mg/mL?",
        answer="3.2",
        unit="mL",
        tolerance="0.05",
        feedback="Final volume for 1000 mg at 250 mg/mL = 4 mL. The powder displaces 0.8 mL, so add 4 − 0.8 = 3.2 mL of diluent.",
    ),
]

RADIATION = [
    choice(
        "Protection",
        "Which three principles reduce external radiation dose?",
        correct="Time, distance and shielding",
        wrong=[
            "Gloves, gown and mask",
            "Ventilation, temperature and humidity",
            "Labelling, storage and disposal",
        ],
        feedback="Spend less time near the source, keep further away, and use shielding such as syringe shields and lead pots.",
    ),
    choice(
        "Local rules",
        "Who supervises day-to-day compliance with the local rules in a radiopharmacy?",
        correct="The Radiation Protection Supervisor (RPS)",
        wrong=[
            "The Radiation Protection Adviser only",
            "The most junior member of staff",
            "The ward manager",
        ],
        feedback="Under IRR17 the employer appoints an RPS to supervise the work under the local rules; the RPA is a consultant adviser.",
    ),
    true_false(
        "Protection",
        "Doubling your distance from a point source cuts the dose rate to about a quarter.",
        answer=True,
        feedback="Inverse square law: dose rate ∝ 1 ÷ distance². Twice the distance gives one quarter.",
    ),
    choice(
        "Local rules",
        "Which of these must local rules contain?",
        correct=[
            "The name of the Radiation Protection Supervisor",
            "The designated (controlled and supervised) areas",
            "Contingency arrangements for foreseeable incidents",
        ],
        wrong=["The staff holiday rota"],
        feedback="IRR17 requires local rules to identify the RPS, the designated areas and contingency arrangements, among other things.",
    ),
    choice(
        "Regulations",
        "Which regulations set the legal framework for working with ionising radiation at work in Great Britain?",
        correct="The Ionising Radiations Regulations 2017",
        wrong=[
            "The Medicines Act 1968",
            "COSHH 2002",
            "The Human Medicines Regulations 2012",
        ],
        feedback="IRR17 covers occupational exposure; IR(ME)R covers patient exposures.",
    ),
    true_false(
        "Local rules",
        "Eating and drinking are allowed in a controlled area once gloves are removed.",
        answer=False,
        feedback="Eating, drinking and applying cosmetics are never allowed in a controlled area because of the risk of ingesting contamination.",
    ),
    calculation(
        "Calculations",
        "The dose rate is 40 µSv/h at 0.5 m from a source. What is it at 2 m?",
        answer="2.5",
        unit="µSv/h",
        tolerance="0.05",
        feedback="Inverse square: 40 × (0.5 ÷ 2)² = 40 × 1/16 = 2.5 µSv/h.",
    ),
    calculation(
        "Calculations",
        "Technetium-99m has a half-life of 6 hours. A vial holds 800 MBq at 08:00. What is its activity at 20:00?",
        answer="200",
        unit="MBq",
        tolerance="1",
        feedback="12 hours is 2 half-lives: 800 → 400 → 200 MBq.",
    ),
]

MONITORING = [
    choice(
        "Limits",
        "What is the action limit for a 90 mm settle plate exposed for 4 hours in grade B (EU GMP Annex 1)?",
        correct="5 cfu",
        wrong=["1 cfu", "50 cfu", "100 cfu"],
        feedback="Annex 1 (2022): grade B settle plates 5 cfu/4 hours; grade C 50; grade D 100; grade A no growth.",
    ),
    choice(
        "Limits",
        "What does a result above the alert limit but below the action limit mean?",
        correct="A possible drift from normal conditions that is reviewed for trends",
        wrong=[
            "The batch must be destroyed",
            "Nothing: only action limits matter",
            "The room must be shut immediately",
        ],
        feedback="Alert limits warn of drift; action limits require investigation and corrective action.",
    ),
    true_false(
        "Methods",
        "After taking a contact plate, the surface is cleaned to remove agar residue.",
        answer=True,
        feedback="Agar left behind is a nutrient for microorganisms, so the sampled surface is wiped with disinfectant.",
    ),
    choice(
        "Methods",
        "Which are methods of environmental monitoring in a cleanroom?",
        correct=[
            "Settle plates",
            "Contact plates",
            "Active air sampling",
            "Non-viable particle counting",
        ],
        wrong=["Visual inspection of the ceiling alone"],
        feedback="Viable (settle, contact, active air, glove prints) and non-viable (particle) monitoring together show the state of control.",
    ),
    choice(
        "Particles",
        "For which particle sizes are cleanroom grades classified in Annex 1?",
        correct="0.5 µm and larger, and 5 µm and larger",
        wrong=["0.1 µm only", "10 µm and larger", "1 mm and larger"],
        feedback="Annex 1 sets limits for particles ≥0.5 µm and ≥5 µm.",
    ),
    true_false(
        "Limits",
        "A single result above the action limit can be ignored if the next sample is within limits.",
        answer=False,
        feedback="Every action-limit excursion is investigated and its impact on product assessed.",
    ),
    calculation(
        "Calculations",
        "An active air sampler draws 500 litres and the plate grows 3 cfu. What is the count per cubic metre?",
        answer="6",
        unit="cfu/m³",
        feedback="1 m³ = 1000 L; 3 cfu ÷ 500 L × 1000 = 6 cfu/m³.",
    ),
    calculation(
        "Calculations",
        "In a month, 12 of 240 plates exceeded the alert limit. What percentage is that?",
        answer="5",
        unit="%",
        tolerance="0.1",
        feedback="12 ÷ 240 × 100 = 5%.",
    ),
]

DEVIATIONS = [
    choice(
        "CAPA",
        "What does CAPA stand for?",
        correct="Corrective and preventive action",
        wrong=[
            "Controlled and approved product assessment",
            "Critical aseptic process audit",
            "Change approval and product authorisation",
        ],
        feedback="Corrective action fixes the cause of a problem; preventive action stops it, or similar problems, happening.",
    ),
    choice(
        "Investigation",
        "Which tool helps find the root cause of a deviation?",
        correct="The 5 whys, or a fishbone (Ishikawa) diagram",
        wrong=["A Gantt chart", "A staff rota", "A price list"],
        feedback="Structured root cause tools help look beyond 'human error' to the system causes.",
    ),
    true_false(
        "Out of specification",
        "An out-of-specification result is invalidated only when an assignable laboratory error is found and documented.",
        answer=True,
        feedback="Without a documented, assignable cause the original result stands and the investigation extends to manufacturing.",
    ),
    choice(
        "Investigation",
        "What should a deviation report include?",
        correct=[
            "What happened, when and where",
            "The impact on product and patients",
            "The root cause and the CAPA",
        ],
        wrong=["The name of someone to blame"],
        feedback="Reports describe the event, assess impact, find the root cause and set CAPA; the aim is learning, not blame.",
    ),
    choice(
        "CAPA",
        "Who approves the closure of a major deviation?",
        correct="Quality assurance (or the authorised person)",
        wrong=[
            "The person who caused it",
            "Any member of the team",
            "Nobody: it closes automatically after 30 days",
        ],
        feedback="Closure needs independent QA approval once the CAPA is in place and effective.",
    ),
    true_false(
        "CAPA",
        "Retraining the operator is always enough as a CAPA.",
        answer=False,
        feedback="Retraining alone rarely addresses system causes such as unclear procedures, poor layout or workload.",
    ),
    calculation(
        "Calculations",
        "During an investigation you check a pump: 500 mL was to run over 4 hours. What rate, in mL per hour, should it have been set to?",
        answer="125",
        unit="mL/h",
        feedback="Rate = volume ÷ time = 500 mL ÷ 4 h = 125 mL/h.",
    ),
    calculation(
        "Calculations",
        "1000 mL is to run over 8 hours through a giving set delivering 20 drops per mL. How many drops per minute is that, to one decimal place?",
        answer="41.7",
        unit="drops/min",
        tolerance="0.3",
        feedback="1000 mL × 20 drops/mL = 20,000 drops; 8 h = 480 min; 20,000 ÷ 480 = 41.7 drops per minute.",
    ),
]

EDUCATION = [
    choice(
        "Sign-off",
        "Who may sign off a workplace assessment?",
        correct="An accredited assessor, within the areas they are accredited for, and never their own",
        wrong=[
            "Any colleague of a higher band",
            "The trainee's mentor from another organisation",
            "The trainee, once they feel confident",
        ],
        feedback="Only the holder of a current EDU-01 accreditation may sign off, within scope, and never their own competence.",
    ),
    true_false(
        "Sign-off",
        "An accredited assessor may sign off their own competence in an area they are accredited for.",
        answer=False,
        feedback="Self sign-off is never allowed: assessment must be independent.",
    ),
    choice(
        "Feedback",
        "What makes feedback to a trainee useful?",
        correct="It is specific, timely and based on what you observed",
        wrong=[
            "It is general praise given at the annual appraisal",
            "It compares the trainee with colleagues",
            "It is given only when something goes wrong",
        ],
        feedback="Specific, timely feedback on observed behaviour helps the trainee know what to keep and what to change.",
    ),
    choice(
        "Evidence",
        "Which are sound evidence for a workplace assessment?",
        correct=[
            "Direct observation against the checklist",
            "Questioning the trainee on the reasons for each step",
            "Records the trainee produced, such as worksheets",
        ],
        wrong=["A colleague's opinion passed on second hand"],
        feedback="Evidence should be direct, sufficient and authentic; hearsay is not evidence.",
    ),
    choice(
        "Roles",
        "How does a mentor's role differ from an assessor's?",
        correct="A mentor supports and guides; only an assessor signs off competence",
        wrong=[
            "A mentor signs off instead of the assessor",
            "There is no difference",
            "A mentor must work in the same organisation",
        ],
        feedback="Mentors may be from any organisation in the network and support development; sign-off is the accredited assessor's.",
    ),
    true_false(
        "Sign-off",
        "An electronic sign-off asks the assessor to re-enter their password, so the signature is attributable.",
        answer=True,
        feedback="Re-authentication at signing links the signature to the person and records its meaning.",
    ),
    calculation(
        "Calculations",
        "A trainee scores 17 out of 20 in a knowledge check. What is their percentage score?",
        answer="85",
        unit="%",
        feedback="17 ÷ 20 × 100 = 85%.",
    ),
    calculation(
        "Calculations",
        "In a teaching session a trainee must draw up 300 mg from a vial of 500 mg in 10 mL. What volume is correct?",
        answer="6",
        unit="mL",
        feedback="Concentration = 500 ÷ 10 = 50 mg/mL; 300 ÷ 50 = 6 mL.",
    ),
]
