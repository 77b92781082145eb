"""Demo modules of the Core area, written for the Academy."""

from ..stream import (
    bullets,
    check,
    details,
    do_list,
    dont_list,
    inset,
    summary_list,
    table,
    text,
    warning,
)

GMP = {
    "slug": "gmp-and-the-pharmaceutical-quality-system",
    "title": "GMP and the pharmaceutical quality system",
    "area": "COR",
    "competencies": ["COR-01"],
    "bands": (2, 5),
    "minutes": 45,
    "cpd": "1.0",
    "public": True,
    "summary": "What good manufacturing practice is, why it protects patients, and how it applies in MHRA-licensed and Section 10 units.",
    "outcomes": [
        "Explain what good manufacturing practice (GMP) is and who it protects",
        "Describe the difference between an MHRA-licensed unit and a Section 10 unit",
        "Describe how the pharmaceutical quality system works in your unit",
    ],
    "lessons": [
        (
            "What GMP is and why it matters",
            [
                text(
                    "Good manufacturing practice (GMP) is the part of quality assurance that makes sure medicines are consistently made and controlled to the quality standards right for their use. In the UK the rules are published by the MHRA in the 'Orange Guide', which brings together UK law and the GMP guidelines.",
                    "GMP exists because you cannot test quality into a product. A sterility test samples only a few units of a batch, and a contaminated infusion can look exactly like a safe one. Quality has to be built in at every step: the premises, the equipment, the materials, the people and the paperwork.",
                ),
                inset(
                    "The patients who receive the medicines we make are often very unwell: babies in neonatal units, people having chemotherapy, people fed through a vein. A mistake can harm them quickly and seriously."
                ),
                text(
                    "<h2>What GMP asks of you</h2>",
                    bullets(
                        "follow the approved procedure every time, even when it feels slower",
                        "record what you did at the time you did it",
                        "report anything that went wrong or looked wrong, straight away",
                        "only do tasks you have been trained and assessed to do",
                    ),
                ),
                check(
                    "Why can a finished product not simply be tested to prove it is safe?",
                    (
                        "Because testing samples only part of a batch, so quality must be built in at every step",
                        True,
                        "Right. End-product tests, such as the sterility test, can miss contamination; GMP controls the whole process.",
                    ),
                    (
                        "Because testing is too expensive for hospital units",
                        False,
                        "Cost is not the reason. Even unlimited testing could not prove every unit is sterile without destroying it.",
                    ),
                ),
            ],
        ),
        (
            "MHRA-licensed units and Section 10 units",
            [
                text(
                    "NHS pharmacy technical services prepare medicines under one of two legal routes, and you need to know which one your unit works under.",
                ),
                summary_list(
                    (
                        "MHRA-licensed unit",
                        "Holds a manufacturer's licence (often a 'specials' licence) granted and inspected by the MHRA. It may supply other hospitals and assign longer shelf lives supported by stability data.",
                    ),
                    (
                        "Section 10 unit",
                        "Prepares medicines under the Section 10 exemption of the Medicines Act 1968, by or under the supervision of a pharmacist, without a licence. Shelf lives are short (usually no more than 7 days) and the unit is audited by the regional NHS quality assurance service.",
                    ),
                ),
                text(
                    "Both routes expect the same standards of GMP. In an unlicensed unit, the external audit is the main independent check, so the unit's own quality system and your own practice matter even more."
                ),
                check(
                    "Who audits a Section 10 aseptic unit?",
                    (
                        "The regional NHS quality assurance service",
                        True,
                        "Right. Section 10 units are audited by NHS regional QA against national standards; licensed units are inspected by the MHRA.",
                    ),
                    (
                        "Nobody, because it has no licence",
                        False,
                        "No. Working without a licence does not mean working without oversight: regular external audit is expected.",
                    ),
                ),
            ],
        ),
        (
            "The pharmaceutical quality system in practice",
            [
                text(
                    "The pharmaceutical quality system (PQS) is how a unit manages quality as a whole. It includes the documents you work from, how changes are controlled, how deviations and complaints are investigated, training records, self-inspection and management review.",
                    "<h2>The parts you will meet every day</h2>",
                    bullets(
                        "<strong>Standard operating procedures (SOPs)</strong>: the approved way to do a task",
                        "<strong>Worksheets and batch records</strong>: the evidence that each batch was made correctly",
                        "<strong>Deviation reports</strong>: how problems are recorded and put right",
                        "<strong>Change control</strong>: how a new product, piece of equipment or method is approved before use",
                        "<strong>Training records</strong>: the proof that you are competent for each task",
                    ),
                ),
                warning(
                    "Never work from an uncontrolled copy",
                    "Only use the current, approved version of an SOP or worksheet. Photocopies and personal notes may be out of date and are not part of the quality system.",
                ),
                check(
                    "You notice that a worksheet in the room is an older version than the one on the document system. What should you do?",
                    (
                        "Stop, remove it from use and tell your supervisor",
                        True,
                        "Right. An out-of-date document is a deviation risk; reporting it lets the unit check whether any batch was affected.",
                    ),
                    (
                        "Use it this time because the differences are probably small",
                        False,
                        "No. You cannot know what changed or why; the change may have been made for patient safety.",
                    ),
                ),
            ],
        ),
    ],
}

DATA_INTEGRITY = {
    "slug": "good-documentation-practice-and-data-integrity",
    "title": "Good documentation practice and data integrity (ALCOA+)",
    "area": "COR",
    "competencies": ["COR-02"],
    "bands": (2, 6),
    "minutes": 40,
    "cpd": "1.0",
    "public": True,
    "summary": "How to make records that can be trusted: the ALCOA+ principles, making and correcting entries, and electronic records.",
    "outcomes": [
        "Describe each of the ALCOA+ principles",
        "Make and correct paper entries the right way",
        "Explain why audit trails and personal log-ins matter for electronic records",
    ],
    "lessons": [
        (
            "ALCOA+ explained",
            [
                text(
                    "If it was not written down, it was not done. Records are the only evidence, after the product has gone to the patient, that it was made correctly. Regulators expect every record to meet the ALCOA+ principles."
                ),
                table(
                    "The ALCOA+ principles",
                    ["Principle", "What it means"],
                    [
                        ["Attributable", "You can tell who made the entry and when"],
                        [
                            "Legible",
                            "It can be read, now and for as long as it is kept",
                        ],
                        [
                            "Contemporaneous",
                            "It was recorded at the time the task was done",
                        ],
                        [
                            "Original",
                            "It is the first record, or a certified true copy",
                        ],
                        ["Accurate", "It is correct and reflects what really happened"],
                        [
                            "Complete",
                            "Nothing is missing, including repeats and failures",
                        ],
                        ["Consistent", "Dates, times and sequence make sense"],
                        ["Enduring", "It lasts for the whole retention period"],
                        [
                            "Available",
                            "It can be found and read when needed, for example at inspection",
                        ],
                    ],
                ),
                check(
                    "You weigh an ingredient and write the result on a glove, meaning to copy it to the worksheet later. Which principle does this break?",
                    (
                        "Original and contemporaneous",
                        True,
                        "Right. The glove would be the original record and it is not kept; the worksheet entry would be made later.",
                    ),
                    (
                        "None, as long as the number is copied correctly",
                        False,
                        "No. A copied number cannot be checked against its original, and copying is where errors creep in.",
                    ),
                ),
            ],
        ),
        (
            "Making and correcting entries",
            [
                do_list(
                    "write in permanent ink at the time you do the task",
                    "sign or initial and date every entry, as the form asks",
                    "correct a mistake with a single line so the original can still be read, then add your initials, the date and the reason",
                    "write 'not applicable' or a line through boxes that do not apply, so nobody can fill them in later",
                ),
                dont_list(
                    "use correction fluid, tape or overwriting",
                    "pre-fill entries before the task is done, or back-date them",
                    "sign for work someone else did",
                    "record on scrap paper and copy it later",
                ),
                details(
                    "What about a second person check?",
                    "A second person check is only worth something if the checker really checks: they look at the item, the label or the balance reading themselves, then sign. Signing without looking is falsifying a record.",
                ),
                check(
                    "What is the right way to correct a wrong entry on a worksheet?",
                    (
                        "One line through it so it can still be read, with your initials, the date and the reason",
                        True,
                        "Right. Anyone can see what was there, who changed it, when and why.",
                    ),
                    (
                        "Cover it neatly with correction tape and write the right value",
                        False,
                        "No. The original entry must stay readable; hiding it breaks data integrity.",
                    ),
                ),
            ],
        ),
        (
            "Electronic records and audit trails",
            [
                text(
                    "More and more records are electronic: compounding software, balances that print or send results, environmental monitoring systems. The same ALCOA+ principles apply.",
                    bullets(
                        "<strong>Use only your own log-in.</strong> Sharing passwords makes every entry unattributable.",
                        "<strong>Audit trails</strong> record who created, changed or deleted data, when, and why. They must be switched on and reviewed.",
                        "<strong>Do not delete and redo.</strong> A failed or repeated result is part of the complete record.",
                        "<strong>Lock your screen</strong> when you step away.",
                    ),
                ),
                warning(
                    "Data integrity failures are serious",
                    "Deliberately altering, back-dating or deleting records is falsification. It can end careers and lead to prosecution. If you are asked to do it, refuse and speak up.",
                ),
                check(
                    "A colleague is logged in to the compounding software and asks you to finish their batch entry. What should you do?",
                    (
                        "Log in as yourself to record the work you do",
                        True,
                        "Right. Every entry must be attributable to the person who did the work.",
                    ),
                    (
                        "Finish it under their log-in, as it saves time",
                        False,
                        "No. The record would say your colleague did work that you did.",
                    ),
                ),
            ],
        ),
    ],
}
