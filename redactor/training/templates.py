# ruff: noqa: E501 - templates are prose, one paragraph per line
"""Document templates of the training-data generator (its own: not the dev set's, not the audit's).

Field language (filled by :mod:`redactor.training.synth`):

* ``{role.form}``: a person; ``role`` is any name (``pt``, ``dr``, ``kin``), the same role is the
  same person throughout a document. Name forms (labelled PERSON): ``full``, ``middle``, ``given``,
  ``family``, ``initial``, ``lf`` (``Family, Given``), ``lf_upper``, ``upper``, ``lower``,
  ``initials``, ``user`` (``RAD:okafor``), ``handle`` (``@maria_g88``). Other person fields:
  ``email``, ``phone``, ``addr``, ``city``, ``dob``, ``age``, ``mrn`` (labelled), and ``title``,
  ``he``/``He``, ``his``/``His``, ``him``, ``man``, ``sex`` (not labelled).
* ``{key}``: a document value (``date``, ``date2``, ``mrn``, ``org``, ``hosp`` ...), the same key
  gives the same value throughout a document; ``{date:long}`` picks a date style.
* ``{~a|b|c}``: one of the literals, unlabelled.
* A line starting with ``?`` is kept with probability 0.6.
"""

from __future__ import annotations

from redactor.synthetic.fields import Template

TEMPLATES: tuple[Template, ...] = (
    # ---------------------------------------------------------------- clinical
    Template(
        "consult_note",
        "clinical",
        """\
{hosp} - INPATIENT CONSULTATION
Requesting service: {~Hospitalist|General Surgery|Orthopedics}   Consultant: {dr.initial}, {~MD|DO}
Pt: {pt.lf_upper}   Med Rec #: {mrn}   D.O.B. {pt.dob}   Visit date: {date}

Reason for consult: {dx}.
{pt.title} {pt.family} is a {pt.age}-year-old {pt.man} admitted on {date2} who was found to have {dx2}. {pt.He} was transferred from {hosp2} where {pt.he} received {drug}.
?Collateral obtained from {pt.his} {~sister|brother|niece|nephew}, {kin.full}, at {kin.phone}.
Exam notable for a {device} in place. {eponym}.
Recommendations: continue {drug2}; repeat imaging {~in 48 hours|on Monday|next week}. Will follow.

{dr.full}, {~MD|DO} | pager {~4471|2210|6093}
""",
    ),
    Template(
        "transcribed_op_note",
        "clinical",
        """\
OPERATIVE REPORT
PATIENT NAME: {pt.upper}
ACCOUNT NO: {acct}     MEDICAL RECORD NO: {mrn}
DATE OF PROCEDURE: {date}
SURGEON: {dr.full}, MD
ASSISTANT: {res.initial}, MD
ANESTHESIA: General, by {anes.full}, CRNA

PREOPERATIVE DIAGNOSIS: {dx}.
PROCEDURE: Laparoscopic cholecystectomy.
INDICATIONS: {pt.title} {pt.family} is a {pt.age} y/o {pt.man} with recurrent biliary colic.
FINDINGS: Distended gallbladder. Estimated blood loss 20 mL. A {device} was left in place.

{dr.initials}/{typist.initials}
DD: {date:us} {time}
DT: {date2:us} {time2}
Job #: {~448213|902211|330187}
""",
    ),
    Template(
        "ed_provider_note",
        "clinical",
        """\
Emergency Dept Provider Note - {hosp}
{pt.full} | {pt.sex} | {pt.age}yo | DOB {pt.dob} | MRN {mrn}
Arrived {date} {time} by {~EMS|private car|police}

HPI: {pt.age} yo {pt.man} with {dx}. Per {pt.his} {~wife|husband|partner|daughter|son} {kin.given}, symptoms began {~yesterday|this morning|3 days ago}. Lives alone in {city}. Works at {org}.
?Seen at {clinic} last month for the same complaint.
Meds: {drug}, {drug2}. Allergies: NKDA.
Course: Given {drug3}. Labs reviewed. Discussed with on-call {dr2.title} {dr2.family}.
Dispo: admit to {unit}.
Signed: {dr.initial}, MD  {date} {time2}
""",
    ),
    Template(
        "nursing_flow",
        "clinical",
        """\
NURSING NOTE  {date:us_nopad} {time}
Pt {pt.lf} (MRN {mrn}) resting in bed, A&Ox3. {~Pain 3/10.|Denies pain.|Pain 6/10, PRN given.}
{device} draining clear yellow urine. Turned q2h.
Family at bedside: {kin.full} ({~spouse|daughter|son|mother}); updated on plan. Contact # {kin.phone}.
?Chaplain visit requested ({nrp}).
Report given to oncoming RN {rn2.given} {rn2.family}.
-- {rn.user}
""",
    ),
    Template(
        "radiology_report",
        "clinical",
        """\
{hosp} DEPARTMENT OF RADIOLOGY
Exam: CT CHEST W/O CONTRAST     Accession: {idnum}
Patient: {pt.lf_upper}     MRN: {mrn}     DOB: {pt.dob}
Ordering: {dr.initial}, MD     Exam date: {date}

FINDINGS: No pulmonary embolism. Small left pleural effusion. Stable 4 mm nodule in the right upper lobe compared with {date2:long}.
IMPRESSION: No acute process. Follow-up CT in 12 months per Fleischner criteria.

Dictated by: {rad.full}, MD
Electronically signed {date3} {time}
""",
    ),
    Template(
        "pharmacy_rx",
        "clinical",
        """\
Rx #{~6620193|7741820|1093377}    Filled {date:us}
{pt.full}
{pt.addr}
{drug} - take 1 tablet by mouth daily
Prescriber: {dr.title} {dr.full}   DEA {license}   NPI on file
Refills: {~0|1|2|5}   Pharmacist: {ph.initials}
Questions? Call {phone}
""",
    ),
    Template(
        "telephone_encounter",
        "clinical",
        """\
TELEPHONE ENCOUNTER - {clinic}
Caller: {caller.full} ({~patient|spouse|daughter|son|caregiver})   Callback: {caller.phone}
Re: {pt.full}, DOB {pt.dob}
Call received {date} at {time} by {ma.user}

{caller.given} reports that {pt.given} has had {dx} since {date2:ordinal}. Wants to know if {pt.he} can take {drug} with {drug2}. Advised to hold {drug2} and call back if worse.
Routed to {dr.title} {dr.family} for review.
""",
    ),
    Template(
        "lab_requisition",
        "clinical",
        """\
LAB REQUISITION
Collected: {date}  {time}      Specimen ID: {idnum}
Patient: {pt.full}    Sex: {pt.sex}    Age: {pt.age}
Address: {pt.addr}
Insurance: {org}   Member #: {member}
Ordering provider: {dr.full}, {~MD|NP|PA-C}   {clinic}
Tests: CBC, BMP, HbA1c, lipid panel. Fasting: {~yes|no}.
""",
    ),
    Template(
        "psych_intake",
        "clinical",
        """\
BEHAVIORAL HEALTH INTAKE
Client: {pt.full}   Client ID: {mrn}   Intake date: {date:long}
{pt.given} is a {pt.age}-year-old {~married|single|divorced|widowed} {pt.man} referred by {dr.title} {dr.family} of {clinic}. {pt.He} moved to {city} from {city2} in {year} and works as a {~cashier|welder|teacher|software developer|home health aide} at {org}.
Religious/cultural: identifies as {nrp}.
Emergency contact: {kin.full}, {kin.phone}.
Clinician: {th.full}, LCSW
""",
    ),
    Template(
        "discharge_instructions",
        "clinical",
        """\
Discharge Instructions for {pt.title} {pt.full}
You were cared for at {hosp} from {date:long} to {date2:long}.
Your diagnosis: {dx}.
Follow up with {dr.title} {dr.family} at {clinic}, {clinic_addr}, on {date3:weekday} at {time}.
New medicines: {drug}. Stop taking {drug2}.
If you have questions, call the nurse line at {phone} or send a message through the patient portal ({url}).
""",
    ),
    Template(
        "progress_soap",
        "clinical",
        """\
Progress Note  {date:iso}
S: {pt.given} states {pt.he} "feels better today". Tolerating diet. {pt.His} {~mother|father|wife|husband} ({kin.given} {kin.family}) visited.
O: Afebrile. {eponym}. Incision clean.
A: {pt.age} y.o. {pt.sex} POD#2 s/p {~ORIF|appendectomy|hernia repair}. {dx}.
P: Advance diet; PT/OT; anticipate d/c to {~home|SNF|rehab} {date2:md}.
{res.initial} (PGY-2) for {dr.initial}
""",
    ),
    Template(
        "death_or_transfer",
        "clinical",
        """\
INTERFACILITY TRANSFER FORM
From: {hosp}    To: {hosp2}
Patient: {pt.lf}    DOB: {pt.dob}    Age: {pt.age}    MRN: {mrn}
Accepting physician: {dr.full}, MD   Transfer date: {date}
Reason: higher level of care ({dx}).
Next of kin: {kin.full}, {kin.addr}, tel. {kin.phone}
Transport: {~ALS ambulance|helicopter|BLS}. Report called to {rn.full}, RN at {time}.
""",
    ),
    Template(
        "clinic_letter",
        "letter",
        """\
{clinic}
{clinic_addr}
Tel {phone}   Fax {fax}

{date:long}

{pt.title} {pt.full}
{pt.addr}

Dear {pt.title} {pt.family},

Your recent test results from {date2:long} are {~normal|stable|slightly abnormal}. Please schedule a follow-up visit with {dr.title} {dr.family} within {~two weeks|a month|three months}. If you have moved, send your new address to {email}.

Sincerely,
{dr.full}, {~MD|DO|NP}
""",
    ),
    Template(
        "insurance_letter",
        "letter",
        """\
{org}
Claims Department

{date:long}

Re: Claim {idnum}
Member: {pt.full}    Member ID: {member}    Policy: {acct}

Dear {pt.given} {pt.family},

We received the claim from {hosp} for services on {date2:us}. The claim was {~approved|denied|pended for review}. If you disagree, you may appeal within 180 days by writing to us or calling {phone}.

{agent.full}
Member Services Representative
""",
    ),
    Template(
        "reference_letter",
        "letter",
        """\
{date:day_first}

To whom it may concern,

I have known {pt.full} for {~three|five|seven} years as {pt.his} supervisor at {org} in {city}. {pt.given} is reliable and careful, and I recommend {pt.him} without reservation. You can reach me at {boss.email} or {boss.phone}.

Kind regards,
{boss.full}
{~Operations Manager|Head of Nursing|Director of IT}, {org}
""",
    ),
    # ---------------------------------------------------------------- e-mail
    Template(
        "email_scheduling",
        "email",
        """\
From: {a.full} <{a.email}>
To: {b.email}
Sent: {date:weekday} {time}
Subject: {~Re: appointment|Rescheduling|Question about my bill}

Hi {b.given},

Could we move my appointment from {date2:ordinal} to {date3:ordinal}? I'm stuck at work ({org}) until late. My cell is {a.phone} if it is easier to call.

Thanks,
{a.given}
""",
    ),
    Template(
        "email_hr_onboarding",
        "email",
        """\
Subject: Welcome aboard, {new.given}!
From: {hr.email}

Hello {new.full},

Welcome to {org}! Your start date is {date:long}. Please bring a photo ID and your bank details for direct deposit. Your employee ID is {idnum} and your manager will be {mgr.full} ({mgr.email}).
?Parking permits are handled by {fac.full} at extension {~4410|2231|7788}.

Best,
{hr.full}
People Team
""",
    ),
    Template(
        "email_forward",
        "email",
        """\
---- Original message ----
From: "{a.upper}" <{a.email}>
Date: {date:iso} {time}
To: support@{~acme|northwind|helio}.example

hi, my name is {a.lower}. i ordered something on {date2:md} and it never arrived. ship to {a.addr}. order for my {~mom|dad|grandma|uncle} {b.full}.
phone {a.phone}
""",
    ),
    Template(
        "email_clinical_team",
        "email",
        """\
To: {dr.email}; {rn.email}
Subject: pt {pt.family} - bed {~12|4B|7}

{dr.given} - FYI {pt.full} ({mrn}) came back from IR, {device} in place. {pt.His} {~daughter|son} {kin.full} is asking for an update, number on file {kin.phone}. I told {kin.him} you'd call after rounds.
- {rn.given}
""",
    ),
    # ---------------------------------------------------------------- tickets
    Template(
        "ticket_account",
        "ticket",
        """\
Ticket #{ticket} | Priority: {~Low|Normal|High} | Opened {date} {time}
Requester: {cust.full} ({cust.email})
Category: Account access

Customer cannot log in since the password reset on {date2:md}. Verified identity with DOB {cust.dob} and last four of card. Account number {acct}. Customer called from {cust.phone}.
Agent note ({agent.user}): reset MFA, asked customer to try again from IP {ip}.
""",
    ),
    Template(
        "ticket_device",
        "ticket",
        """\
[IT-{ticket}] Laptop replacement
Submitted by: {emp.full}  ({emp.user})   Dept: {~Finance|Radiology|HR|Billing}
Location: {city} office, {~3rd floor|Building B|room 214}
Asset: Dell Latitude, serial {serial}, MAC {~00:1B:44:11:3A:B7|3C:22:FB:90:1E:4C}
Details: screen cracked on {date:long}. Please ship the replacement to {emp.addr}.
Assigned to: {tech.given} {tech.family}
""",
    ),
    Template(
        "ticket_billing",
        "ticket",
        """\
Case {ticket} - Billing dispute
Customer: {cust.lf}
Contact: {cust.phone} / {cust.email}
Billing address: {cust.addr}
Customer states {cust.he} was charged twice on {date:long} for ${~49.99|120.00|15.75}. Refund approved by {sup.initial} on {date2:us}. Customer is a {~gold|silver|new} member since {year}.
""",
    ),
    Template(
        "ticket_vehicle",
        "ticket",
        """\
Roadside assistance request #{ticket}
Driver: {drv.full}, license {license}
Vehicle: {~2017 Honda Civic|2020 Ford F-150|2012 Toyota Corolla}, plate {plate}
Location: near {city}, mile marker {~112|48|203}
Callback {drv.phone}. Tow to {org}. Reported {date:weekday} {time}.
""",
    ),
    # ---------------------------------------------------------------- chat / social
    Template(
        "chat_support",
        "chat",
        """\
[{time}] {agent.given} ({org}): Hi! How can I help?
[{time2}] {cust.handle}: hey my package never showed up
[{time2}] {agent.given} ({org}): Sorry about that. Can you confirm the name and zip on the order?
[{time3}] {cust.handle}: {cust.lower}, {zip}
[{time3}] {agent.given} ({org}): Thanks {cust.given}, I see it was delivered to {cust.addr}. I've opened a claim.
""",
    ),
    Template(
        "chat_friends",
        "chat",
        """\
{a.given}: are u still coming to {b.given}'s party on {date:ordinal}??
{b.given}: ya but my shift at {org} ends late
{a.given}: ok text me when ur out, {a.phone}
{b.given}: also {c.full} said she's bringing her bf from {city}
""",
    ),
    Template(
        "social_post",
        "social",
        """\
{a.handle}: congrats to {b.full} on graduating from {org} today!! so proud of you {b.given} 🎓 #classof{year}
""",
    ),
    Template(
        "social_reply",
        "social",
        """\
{a.handle} replying to {b.handle}: lol {b.given} you were literally in {city} last week. say hi to {c.given} for me
""",
    ),
    # ---------------------------------------------------------------- HR
    Template(
        "hr_record",
        "hr",
        """\
EMPLOYEE RECORD - CONFIDENTIAL
Name: {emp.lf}      Employee ID: {idnum}
Date of hire: {date:us}      Date of birth: {emp.dob}
SSN: {ssn}
Home address: {emp.addr}
Personal email: {emp.email}   Mobile: {emp.phone}
Department: {~Facilities|Nursing|Accounts Payable|Engineering}   Manager: {mgr.full}
Emergency contact: {kin.full} ({~spouse|parent|sibling}) {kin.phone}
""",
    ),
    Template(
        "hr_incident",
        "hr",
        """\
Workplace incident report
Date of incident: {date:long}    Reported: {date2:us}
Employee: {emp.full}, {emp.age}, {~warehouse associate|line cook|RN|security officer}
Witness: {wit.full}
Description: {emp.given} slipped near loading dock {~3|7|B} and injured {emp.his} wrist. First aid by {fa.initial}. Seen at {clinic} the same day.
Supervisor: {sup.full} | {org}
""",
    ),
    Template(
        "hr_leave",
        "hr",
        """\
Leave request - {org}
{emp.full} requests {~FMLA|parental|bereavement|medical} leave from {date:long} through {date2:long}.
Reason given: {~birth of a child|care of a parent|surgery|death in the family}.
?Family member: {kin.full}.
Approved by {mgr.initial} on {date3:iso}.
""",
    ),
    # ---------------------------------------------------------------- finance
    Template(
        "finance_wire",
        "finance",
        """\
WIRE TRANSFER REQUEST
Date: {date:iso}
Originator: {a.full}, acct {acct}
Beneficiary: {b.full}
Beneficiary address: {b.addr}
Bank: {org}   IBAN: {iban}
Amount: {~EUR 2,400.00|USD 15,000.00|GBP 780.50}
Purpose: {~tuition|rent|family support|invoice 2291}
Verified by phone {a.phone} on {date2:long}.
""",
    ),
    Template(
        "finance_loan",
        "finance",
        """\
Loan application summary
Applicant: {a.full}   DOB: {a.dob}   SSN: {ssn}
Co-applicant: {b.full}
Current address: {a.addr} (since {year})
Employer: {org}, {~3|6|11} years
Checking account: {acct} at {org2}
Loan officer: {lo.full}, NMLS #{~448102|991023|120988}
""",
    ),
    Template(
        "finance_statement",
        "finance",
        """\
{org} | Statement period {date:long_abbr} - {date2:long_abbr}
{a.upper}
{a.addr}
Account ending {~4471|0932|1180}   Customer no. {acct}
Questions? {phone} or {url}
""",
    ),
    # ---------------------------------------------------------------- plain sentences
    Template(
        "plain_1",
        "plain",
        "{pt.full}, {pt.age}, of {city}, was taken to {hosp} on {date:long} after a fall at home.\n",
    ),
    Template(
        "plain_2",
        "plain",
        "According to {dr.title} {dr.family}, the {pt.age}-year-old {pt.man} was discharged on {date:weekday}.\n",
    ),
    Template(
        "plain_3", "plain", "Please send the signed form to {a.full} at {a.email} before {date}.\n"
    ),
    Template(
        "plain_4",
        "plain",
        "{a.given} and {b.given} {b.family} met at {org} in {year} and moved to {city} together.\n",
    ),
    Template(
        "plain_5",
        "plain",
        "The meeting with {a.initial} from {org} is on {date:weekday} at {time} in {~room 4B|the main boardroom|Building C}.\n",
    ),
    Template(
        "plain_6", "plain", "My name is {a.full} and I live at {a.addr}; my phone is {a.phone}.\n"
    ),
    Template(
        "plain_7",
        "plain",
        "{pt.title} {pt.family} ({pt.age}yo, MRN {mrn}) was seen by {dr.initial} at {clinic} for {dx}.\n",
    ),
    Template(
        "plain_8",
        "plain",
        "Started {drug} for {dx}; recheck {eponym} at the next visit. No identifiers in this sentence besides {date:md}.\n",
    ),
    Template(
        "plain_9",
        "plain",
        "Ask {a.given} to call {b.title} {b.family} back at {b.phone} about the invoice from {org}.\n",
    ),
    Template("plain_10", "plain", "{a.lf_upper} DOB {a.dob} transferred from {hosp} to {hosp2}.\n"),
    # ---------------------------------------------------------------- no identifiers (teach O)
    Template(
        "decoy_clinical",
        "clinical",
        """\
PLAN OF CARE
1. {dx}: continue {drug}; monitor BP q4h.
2. {dx2}: {eponym}. Consider {device}.
3. Disposition: transfer to {unit} when stable. Reassess on {weekday} rounds at {time}.
Labs: Na 134, K 4.1, Cr 1.3 (baseline 0.9), WBC 11.2. HbA1c 7.8% in {year}.
""",
    ),
    Template(
        "decoy_ticket",
        "ticket",
        """\
Ticket {ticket} closed. Root cause: release {~2.4.1|10.0.3|1.19.7} broke the export job on {weekday}. Build {~#4471|#20931}, room {~214|B12}, invoice INV-{ticket} total $1,240.00. No customer data involved.
""",
    ),
)
