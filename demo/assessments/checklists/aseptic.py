"""Demo checklists of the Aseptic preparation competencies."""

from .evidence import EVIDENCE_LOG

ASEPTIC = {
    "ASP-01": (
        "Entering, working in and leaving the cleanroom suite as a trainee operator.",
        "A completed cleanroom entry log for an observed session, and your signed "
        "training record for the local cleanroom behaviour procedure.",
        False,
        [
            (
                "Removes jewellery, watches and make-up, and covers cuts before entering the changing area.",
                "No jewellery other than a plain band if local policy allows; no nail varnish or false nails.",
            ),
            (
                "Follows the changing sequence at each stage, crossing the step-over bench correctly.",
                "Nothing worn outside crosses to the clean side; the order matches the local procedure.",
            ),
            (
                "Checks the room pressure differentials and the area status before entry.",
                "Reads the gauges or display and knows what to do if they are out of range.",
            ),
            (
                "Moves slowly and deliberately, keeping talking and unnecessary movement to a minimum.",
                "No rapid movements, touching of face or mask, or leaning over open product.",
            ),
            (
                "Keeps doors closed and uses airlocks and pass-throughs in the correct order.",
                "Never opens both doors of an interlock or airlock at once.",
            ),
            (
                "Leaves the suite following the exit procedure and disposes of garments correctly.",
                "Single-use garments in the right waste stream; reusable garments bagged for laundry.",
            ),
            (
                "Reports a spill, breach of garment or other incident to the supervisor at once.",
                "Can describe what they would report and to whom.",
            ),
        ],
    ),
    "ASP-03": (
        "Hand washing before gowning and disinfection of sterile gloves during work.",
        "A photo of the completed hand hygiene audit form from your observed session, "
        "or your finger dab results from that session.",
        False,
        [
            (
                "Washes hands and forearms using the local technique for the full contact time.",
                "Covers every area of the six-step technique; does not skip thumbs or fingertips.",
            ),
            (
                "Dries hands with low-linting wipes without recontaminating them.",
                "Does not touch taps or bins with clean hands.",
            ),
            (
                "Applies alcohol hand rub to all surfaces and lets it dry before putting on gloves.",
                "Hands are visibly dry before gloving.",
            ),
            (
                "Puts on sterile gloves without touching their outer surface.",
                "Glove cuffs cover the gown cuffs; torn or touched gloves are replaced.",
            ),
            (
                "Sprays and rubs gloves with sterile 70% alcohol at the required intervals and after touching non-sterile surfaces.",
                "Knows the local interval and lets the alcohol dry before working in the critical zone.",
            ),
            (
                "Checks gloves for damage throughout the session and changes them when needed.",
                "A damaged glove is changed at once and the event recorded.",
            ),
        ],
    ),
    "ASP-04": (
        "Cleaning and disinfecting the cleanroom, cabinet or isolator at the required frequency.",
        "The completed cleaning record for the observed clean, with the batch numbers and "
        "expiry dates of the agents used.",
        False,
        [
            (
                "Chooses the correct cleaning and disinfecting agents for the area and the day of the rota.",
                "Uses the sporicidal agent on the days the rota requires it.",
            ),
            (
                "Checks that each agent is in date, correctly labelled and prepared at the right dilution.",
                "Rejects agents past their in-use expiry.",
            ),
            (
                "Cleans from clean to dirty and from top to bottom, using overlapping strokes.",
                "Critical zone first, floor last; no recontamination of cleaned surfaces.",
            ),
            (
                "Leaves the agent for its stated contact time.",
                "Can state the contact time of each agent used.",
            ),
            (
                "Cleans all surfaces the procedure lists, including hatches, chairs and door handles.",
                "Nothing on the checklist is missed.",
            ),
            (
                "Completes the cleaning record accurately and at the time of cleaning.",
                "Record is ALCOA+: attributable, legible, contemporaneous, original and accurate.",
            ),
        ],
    ),
    "ASP-05": (
        "Transferring materials and components into the grade A critical zone.",
        "The worksheet of the observed session, showing the items transferred and the "
        "disinfectant used.",
        False,
        [
            (
                "Removes outer packaging at the correct stage before transfer.",
                "No cardboard enters the cleanroom.",
            ),
            (
                "Sprays and wipes each item with sterile disinfectant using the validated technique.",
                "Every surface contacted; wipe moves in one direction; the same wipe is not reused.",
            ),
            (
                "Observes the contact time before items enter the critical zone.",
                "Items stay in the hatch or transfer area for the time the procedure states.",
            ),
            (
                "Arranges items in the critical zone so first air is not interrupted.",
                "Nothing placed between the HEPA filter and the critical points.",
            ),
            (
                "Transfers only the items needed for the session.",
                "No clutter; unused items are removed afterwards.",
            ),
        ],
    ),
    "ASP-06": (
        "Operating a laminar airflow cabinet or isolator and checking glove integrity.",
        EVIDENCE_LOG,
        False,
        [
            (
                "Checks the airflow or pressure readings before use.",
                "Knows the alarm limits.",
            ),
            (
                "Carries out and records the glove integrity test.",
                "Fails a glove that does not pass.",
            ),
            ("Works within the critical zone without blocking first air.", ""),
        ],
    ),
    "ASP-07": (
        "Preparing a product aseptically: reconstituting vials, breaking ampoules and "
        "transferring to bags and syringes.",
        "The worksheet and label of a product you prepared while observed, with the "
        "checker's signature.",
        False,
        [
            (
                "Swabs vial septa and ampoule necks with sterile alcohol and lets them dry.",
                "Waits for the alcohol to dry before piercing.",
            ),
            (
                "Reconstitutes vials using the correct diluent and volume, avoiding pressure build-up.",
                "Uses a venting technique or negative pressure as locally trained.",
            ),
            (
                "Opens ampoules safely and uses a filter needle or straw to withdraw.",
                "Filter used where the procedure requires it for glass particles.",
            ),
            (
                "Never touches critical sites: needle shafts, syringe tips, septa after swabbing.",
                "Any touch of a critical site means the component is discarded.",
            ),
            (
                "Measures volumes accurately, with air bubbles removed and the plunger read at the right point.",
                "Volume within the tolerance the procedure allows.",
            ),
            (
                "Transfers into the final container and caps it immediately.",
                "Luer caps or sterile caps fitted at once.",
            ),
            (
                "Keeps product, worksheet and label together so there is no risk of mix-up.",
                "One product at a time in the critical zone.",
            ),
        ],
    ),
    "ASP-10": (
        "Completing worksheets, labels and batch records for aseptically prepared products.",
        "Copies of a worksheet and batch record you completed, with patient details redacted.",
        False,
        [
            (
                "Generates the worksheet and labels from the verified prescription or order.",
                "Checks patient, product, dose, volume and expiry against the order.",
            ),
            (
                "Records batch numbers and expiry dates of every starting material and component.",
                "Each entry legible and traceable to the item used.",
            ),
            (
                "Records each step at the time it is done and signs for it.",
                "No pre-completion or back-filling of steps.",
            ),
            (
                "Corrects errors with a single line, the correct entry, initials and date.",
                "No correction fluid or overwriting.",
            ),
            (
                "Reconciles labels, destroying spares and recording the count.",
                "Label reconciliation balances.",
            ),
        ],
    ),
    "ASP-11": (
        "Handling cytotoxic and other hazardous drugs, and responding to spills.",
        EVIDENCE_LOG,
        False,
        [
            ("Wears the protective equipment the COSHH assessment requires.", ""),
            ("Uses closed-system transfer devices or techniques where required.", ""),
            (
                "Describes and demonstrates the use of the spill kit.",
                "Uses a training spill.",
            ),
            ("Disposes of hazardous waste in the correct stream.", ""),
        ],
    ),
    "ASP-12": (
        "Compounding parenteral nutrition.",
        EVIDENCE_LOG,
        False,
        [
            (
                "Follows the order of addition on the worksheet.",
                "Calcium and phosphate kept apart.",
            ),
            ("Checks the compounder set-up and volumes.", ""),
            ("Inspects the finished bag for particles and precipitates.", ""),
        ],
    ),
    "ASP-13": (
        "Preparing CIVAS and monoclonal antibody products.",
        EVIDENCE_LOG,
        False,
        [
            ("Handles monoclonal antibodies gently to avoid foaming.", ""),
            ("Applies the correct expiry to the prepared product.", ""),
            ("Prepares products to the worksheet within tolerance.", ""),
        ],
    ),
    "ASP-14": (
        "Pre- and in-process checking of aseptically prepared products.",
        "Your checking logbook for the required number of checks, with any errors found.",
        True,
        [
            (
                "Checks the worksheet and labels against the prescription before preparation.",
                "",
            ),
            (
                "Checks each starting material, volume and calculation during preparation.",
                "",
            ),
            ("Stops the process and records an error when one is found.", ""),
            ("Signs each check at the time it is done.", ""),
        ],
    ),
    "ASP-15": (
        "Approving products for release under Section 10.",
        "Records of products you approved under supervision, with the reviewer's comments.",
        True,
        [
            ("Reviews the completed batch record for completeness and accuracy.", ""),
            (
                "Confirms environmental monitoring and in-process results are within limits.",
                "",
            ),
            ("Records the release decision and the reason for any rejection.", ""),
        ],
    ),
}
