"""Outline modules (summary and outcomes, lessons still to write) and career pathways."""

# Competency code: (summary, learning outcomes)
OUTLINES = {
    "COR-03": (
        "Cleanroom grades A to D, how unidirectional airflow and HEPA filters protect the product, and why rooms are kept at different pressures.",
        [
            "Describe what happens in each cleanroom grade",
            "Explain how airflow and pressure cascades protect the product",
            "Respond correctly to a pressure alarm",
        ],
    ),
    "ASP-04": (
        "How and why cleanrooms, cabinets and isolators are cleaned and disinfected, and how disinfectants are rotated and validated.",
        [
            "Follow the cleaning sequence from clean to dirty areas",
            "Use disinfectants and sporicides at the right contact time",
            "Record cleaning so it can be checked",
        ],
    ),
    "ASP-05": (
        "How materials are disinfected and transferred into the critical zone without bringing in contamination.",
        [
            "Prepare and wipe materials with sterile disinfectant",
            "Use the transfer hatch or sleeve correctly",
            "Explain why contact time matters",
        ],
    ),
    "ASP-06": (
        "Operating isolators and laminar airflow cabinets safely, including start-up checks and glove integrity tests.",
        [
            "Carry out start-up and pressure checks",
            "Test and change gloves and gauntlets",
            "Respond to alarms and breaches",
        ],
    ),
    "ASP-07": (
        "Aseptic manipulation with vials, ampoules, bags and syringes while protecting critical sites.",
        [
            "Protect critical sites during every manipulation",
            "Reconstitute and withdraw from vials and ampoules",
            "Prepare syringes and infusion bags to specification",
        ],
    ),
    "ASP-10": (
        "Completing worksheets, labels and batch manufacturing records so every product can be traced.",
        [
            "Complete worksheets at the time of work",
            "Check labels against the prescription and worksheet",
            "Keep batch records complete and traceable",
        ],
    ),
    "ASP-11": (
        "The hazards of cytotoxic and other hazardous drugs, the COSHH controls that protect you, and how to deal with a spill.",
        [
            "Explain how hazardous drugs can enter the body",
            "Use the COSHH controls and protective equipment your unit provides",
            "Deal with a cytotoxic spill safely",
        ],
    ),
    "ASP-12": (
        "Compounding parenteral nutrition: order of additions, stability and compatibility, and checks.",
        [
            "Follow the order of additions",
            "Recognise stability and compatibility limits",
            "Check the final bag against the prescription",
        ],
    ),
    "ASP-13": (
        "Preparing centralised intravenous additives (CIVAS) and monoclonal antibodies.",
        [
            "Prepare CIVAS to a standard worksheet",
            "Handle monoclonal antibodies without damaging the protein",
            "Apply the right shelf life",
        ],
    ),
    "ASP-14": (
        "The role of the accredited checker in pre- and in-process checking.",
        [
            "Carry out pre-process checks of the worksheet and materials",
            "Check at the critical in-process points",
            "Keep your checking logbook up to date",
        ],
    ),
    "ASP-15": (
        "Product approval (release) of aseptically prepared medicines under Section 10.",
        [
            "Review the batch record and monitoring before release",
            "Decide when a product must not be released",
            "Record the release decision",
        ],
    ),
    "MAN-02": (
        "Sterile manufacturing: terminal sterilisation, sterile filtration and filter integrity testing.",
        [
            "Explain when terminal sterilisation is required",
            "Perform and record a filter integrity test",
            "Recognise a failed sterilisation cycle",
        ],
    ),
    "RAD-01": (
        "Eluting a technetium-99m generator and preparing radiopharmaceutical kits.",
        [
            "Elute the generator and record the activity",
            "Prepare kits following the manufacturer's method",
            "Label and shield the final product",
        ],
    ),
    "RAD-02": (
        "Quality control of radiopharmaceuticals: molybdenum-99 breakthrough, radiochemical purity and calibrator checks.",
        [
            "Measure Mo-99 breakthrough against its limit",
            "Test radiochemical purity",
            "Carry out daily calibrator checks",
        ],
    ),
    "QC-02": (
        "Microbiology quality control: counting and identifying organisms, sterility testing and endotoxin testing.",
        [
            "Enumerate and identify organisms",
            "Describe sterility and endotoxin tests",
            "Report and escalate failures",
        ],
    ),
    "QC-03": (
        "Chemical quality control of starting materials, packaging, finished products and stability samples.",
        [
            "Test starting materials against their specification",
            "Test finished products",
            "Run and report stability studies",
        ],
    ),
    "QA-02": (
        "Change control, and the qualification and validation of equipment and processes (IQ, OQ, PQ).",
        [
            "Raise and assess a change control",
            "Plan installation, operational and performance qualification",
            "Keep the validated state",
        ],
    ),
    "QA-03": (
        "Self-inspection and readiness for QAAPS audits and MHRA inspections.",
        [
            "Plan and run a self-inspection",
            "Prepare people and records for an audit",
            "Respond to findings with CAPA",
        ],
    ),
}

# (area code, band, job titles, purpose, [(KSF dimension, level)])
PATHWAYS = [
    (
        "ASP",
        2,
        "Assistant technical officer (aseptic services)",
        "Works in the aseptic unit under supervision: prepares materials, cleans and monitors rooms, and takes part in aseptic preparation once gowning and broth transfer validations are current.",
        [
            ("Communication", 1),
            ("Personal and people development", 1),
            ("Health, safety and security", 1),
            ("Quality", 1),
        ],
    ),
    (
        "ASP",
        3,
        "Senior assistant technical officer, Science Manufacturing Technician apprentice",
        "Prepares aseptic products to worksheets, keeps records and monitoring up to date, and supports new staff.",
        [
            ("Communication", 2),
            ("Personal and people development", 2),
            ("Health, safety and security", 2),
            ("Quality", 2),
        ],
    ),
    (
        "ASP",
        4,
        "Pharmacy technician (aseptic services), technical officer",
        "Prepares complex aseptic products including parenteral nutrition and monoclonal antibodies, and trains to become an accredited checker.",
        [
            ("Communication", 2),
            ("Personal and people development", 2),
            ("Health, safety and security", 2),
            ("Service improvement", 1),
            ("Quality", 2),
        ],
    ),
    (
        "ASP",
        5,
        "Senior technician, accredited checker",
        "Carries out pre- and in-process checks, leads sessions, and supervises and assesses others in the unit.",
        [
            ("Communication", 3),
            ("Personal and people development", 2),
            ("Health, safety and security", 2),
            ("Service improvement", 2),
            ("Quality", 3),
            ("Equality and diversity", 2),
        ],
    ),
    (
        "COR",
        2,
        "Assistant technical officer (any technical services unit)",
        "The Core knowledge every member of technical services needs: GMP, good documentation and cleanroom basics.",
        [("Communication", 1), ("Health, safety and security", 1), ("Quality", 1)],
    ),
    (
        "MAN",
        4,
        "Pharmacy technician (manufacturing)",
        "Manufactures sterile and non-sterile products to batch records, including line clearance, reconciliation and in-process testing.",
        [("Communication", 2), ("Health, safety and security", 2), ("Quality", 2)],
    ),
    (
        "RAD",
        5,
        "Senior radiopharmacy technician",
        "Elutes generators, prepares and tests radiopharmaceuticals, and works to the local rules as a role model for others.",
        [("Communication", 2), ("Health, safety and security", 3), ("Quality", 3)],
    ),
    (
        "QC",
        5,
        "Senior quality control technician",
        "Runs environmental monitoring and microbiology and chemical tests, trends results and reports excursions.",
        [("Communication", 2), ("Service improvement", 2), ("Quality", 3)],
    ),
    (
        "QA",
        7,
        "Principal technician (quality assurance), QA pharmacist",
        "Owns the quality system of the unit: deviations, CAPA, change control, validation and self-inspection.",
        [
            ("Communication", 3),
            ("Personal and people development", 3),
            ("Service improvement", 3),
            ("Quality", 4),
        ],
    ),
    (
        "EDU",
        6,
        "Specialist technician, education and training lead",
        "Plans training, assesses competence as an accredited assessor and mentors staff across the network.",
        [
            ("Communication", 3),
            ("Personal and people development", 3),
            ("Quality", 3),
            ("Equality and diversity", 2),
        ],
    ),
]
