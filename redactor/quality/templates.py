# ruff: noqa: E501 - the templates are prose, one paragraph per line
"""English document templates of the audit set: clinical notes, letters, e-mails, tickets, chats,
CSV lines and news items.

Written for the audit (the dev set's templates are separate, so a detector tuned on one is
still tested on the other). The field language is described in :mod:`redactor.quality.synth`.
Roles: ``pt`` is the subject of the document (the balanced schedule picks their origin and
gender); ``kin`` is a relative of the same origin; every other role is drawn at random.
"""

from __future__ import annotations

from redactor.synthetic.fields import Template

TEMPLATES: tuple[Template, ...] = (
    Template("ed_triage", "clinical", """\
EMERGENCY DEPARTMENT - TRIAGE
{hosp}
Arrival: {date} {time}   Mode: {~ambulance|private vehicle|walk-in}
Name: {pt.LF}     MRN: {pt.mrn}     DOB: {pt.dob}
Sex: {pt.MF}   Age: {pt.agen}
?Phone: {pt.phone}

{pt.full} is a {pt.age} {pt.man} presenting with {dx}. History from the patient and {pt.his} {kin.spouse}, {kin.gf}, who drove {pt.him} in. {kin.given} can be reached at {kin.phone}.
?{pt.He} was seen at {clinic} on {sdate} and started on {drug}.
PMH: {epo}. Allergies: sulfa.
Triage RN: {rn.ini}, RN
"""),
    Template("progress_note", "clinical", """\
HOSPITAL DAY 3 - PROGRESS NOTE
Patient: {pt.full}   MRN {pt.mrn}   Room {~412|5B|ICU-7|218}

S: {pt.given} slept poorly, pain 4/10. {pt.He} asked again about going home before {pt.his} {kin.son}'s wedding.
O: Tmax 38.1, HR 92, BP 128/74. Lungs with scattered rhonchi.
A/P: {dx}, improving on {drug}. Discussed plan with {pt.family} and with {kin.full} by phone ({kin.phone}).
?Spoke with {con.full} from infectious disease; agrees with narrowing antibiotics.
Anticipate discharge on {future}.

{dr.full}, MD - Hospital Medicine
NPI {dr.npi}
"""),
    Template("discharge_letter", "letter", """\
{hosp}
Department of Internal Medicine

{date}

{pt.mr} {pt.gf}
{pt.addr}

Dear {pt.mr} {pt.family},

You were in our hospital from {date2} to {date3} for {dx}. Please keep taking {drug} and see your family doctor within one week. If you have a fever or trouble breathing, call us at {cphone} or come to the emergency department.

Your next appointment is on {future} with Dr. {dr.family}.
?A copy of this letter has been sent to {pcp.full} at {clinic}.

Kind regards,
{dr.gf}, MD
"""),
    Template("referral_letter", "letter", """\
{clinic}
Tel {cphone}   Fax {fax}

{date}

Re: {pt.full}   DOB: {pt.dob}   MRN: {pt.mrn}

Dear Dr. {spec.family},

Thank you for seeing this {pt.age} {pt.man}, whom I have followed since {year} for {epo}. Over the last two months {pt.given} has had {dx}, and {pt.his} symptoms have not settled on {drug}. {pt.He} lives at home with {pt.his} {kin.spouse} {kin.given} and works for {pt.employer}.

I would be grateful for your opinion. {pt.mr} {pt.family} can be contacted on {pt.phone} or at {pt.email}.

Yours sincerely,

{dr.full}, MD
NPI: {dr.npi}
"""),
    Template("radiology_report", "clinical", """\
RADIOLOGY REPORT
Patient: {pt.UP}          MRN: {pt.mrn}
Exam: CT abdomen/pelvis with contrast     Accession #: {accession}
Date of service: {date}
Ordering physician: Dr. {dr.ini}

CLINICAL HISTORY: {pt.agen}{pt.MF} with abdominal pain.
FINDINGS: Gallbladder distended with pericholecystic fluid. No free air.
IMPRESSION: Findings compatible with acute cholecystitis.
Results discussed with {dr.gf} by telephone at {time} on {date}.

Dictated by: {rad.lf}, MD
"""),
    Template("prescription", "clinical", """\
PRESCRIPTION
Prescriber: {dr.full}, MD    NPI {dr.npi}    DEA {dr.dea}
{clinic} - Tel {cphone}

Patient name: {pt.full}
Date of birth: {pt.dob}
Address:
{pt.addr}

Rx: {drug}, #30, 2 refills
Date written: {date}
?Note to pharmacy: please call {pt.given} at {pt.cell} when ready.
"""),
    Template("portal_message", "email", """\
From: {dr.full} via Patient Portal
To: {pt.email}
Subject: Your test results

Hi {pt.given},

Your blood tests from {date} are back. Your kidney function and blood count are normal, and your cholesterol has come down since we started {drug}. I don't need to change anything today.

If you have questions, reply here or call the nurse line at {cphone}.

Best,
{dr.given}
"""),
    Template("it_ticket", "ticket", """\
Ticket {num} | Priority: P3 | Status: Open
Requester: {pt.full} <{pt.email}>
User ID: {pt.user}
Device: laptop, serial {pt.serial}, MAC {pt.mac}
Last seen from IP {pt.ip}

Description: {pt.given} cannot connect to the VPN since the update on {date}. Error 809. {pt.He} is working from home this week and needs access before {future}.

Update ({time}): called {pt.family} at {pt.phone}, reset the certificate. Waiting for confirmation.
Assigned to: {agent.gf}
"""),
    Template("billing_email", "email", """\
Subject: Charge I did not authorise

Hello,

My name is {pt.full} and I was charged {money} on {date} on my card ending in the number below. I never visited your clinic that day. Card number: {pt.card}. My account number with you is {pt.acct}.

Please send the statement to my home address:
{pt.addr}

You can reach me at {pt.phone}.
Thank you,
{pt.gf}
"""),
    Template("insurance_claim", "letter", """\
{insurer}
Claims Department

{date}

Member: {pt.lf}
Member ID: {pt.plan}
Claim number: {claim}
SSN: {pt.ssn}

Dear {pt.mr} {pt.family},

We have reviewed the claim for services on {date2} at {hosp}. The claim has been approved in part; the amount of {money} remains your responsibility. If you disagree with this decision, {pt.given}, you may appeal within 180 days.

Sincerely,
{adj.full}
Claims Examiner
"""),
    Template("employment_letter", "letter", """\
{pt.employer}
Human Resources

{date}

To whom it may concern,

This letter confirms that {pt.full} ({pt.nat} national, passport number {pt.passport}) has been employed by {pt.employer} since {date2} as a full-time analyst. {pt.His} employee ID is {pt.empid}.
?{pt.given} {pt.family} lives at {pt.addr}.

For verification, please contact me at {hr.email} or {cphone}.

Sincerely,
{hr.full}
HR Manager
"""),
    Template("reference_letter", "letter", """\
{date}

Dear Admissions Committee,

It is a pleasure to recommend {pt.full}. I first met {pt.given} in {year}, when {pt.he} joined my laboratory as a technician, and in the years since I have watched {pt.him} grow into an independent scientist. {pt.given} designed the assay that {col1.full} and {col2.full} later used in their published work.

{pt.family} is careful, generous with colleagues and unafraid of hard problems. I recommend {pt.him} without reservation.

Yours faithfully,
{ref.full}
Professor of Biochemistry
"""),
    Template("bank_transfer", "email", """\
Subject: Refund of overpayment

Dear {pt.given} {pt.family},

We received your payment twice. Please confirm the account for the refund:

Account holder: {pt.UP}
IBAN: {pt.iban}
Address:
{pt.addr}

The refund will be sent within five working days of your confirmation. If anything is unclear, call {agent.given} on {cphone}.

Regards,
{agent.full}
Accounts Receivable, {company}
"""),
    Template("vehicle_claim", "ticket", """\
AUTO CLAIM INTAKE
Policyholder: {pt.full}   DOB {pt.dob}
Driver licence no: {pt.dl}
Vehicle: {~Toyota Corolla|Honda Civic|Ford F-150|Hyundai Elantra}, VIN {pt.vin}, plate {pt.plate}
Date of loss: {date}

Narrative: {pt.given} states that {pt.he} was stopped at a red light when the other vehicle, driven by {oth.full}, struck the rear bumper. {oth.given} admitted fault at the scene. Witness {wit.full} left a number: {wit.phone}.
Contact for the policyholder: {pt.phone}, {pt.email}
"""),
    Template("support_chat", "chat", """\
[{time}] Agent {agent.given}: Thanks for contacting us, who am I speaking with?
[{time2}] Customer: hi this is {pt.lower}
[{time2}] Agent {agent.given}: Thanks {pt.given}! Can you confirm your date of birth?
[{time3}] Customer: {pt.dob}
[{time3}] Customer: and my number is {pt.cell}
[{time4}] Agent {agent.given}: Got it. I see the order was shipped to {pt.city}. Anything else?
[{time4}] Customer: no thanks, bye
"""),
    Template("appointment_reminder", "email", """\
Reminder: {pt.given}, you have an appointment with Dr. {dr.family} at {clinic} on {future} at {time}.

Please bring your insurance card ({insurer}, member ID {pt.plan}) and a list of your medicines. To reschedule, call {cphone} or reply to this message.

Patient: {pt.ini} - DOB {pt.dob}
"""),
    Template("nursing_handoff", "clinical", """\
NURSING HANDOFF - 7 WEST
Bed 12: {pt.LF} ({pt.agen}{pt.MF}), MRN {pt.mrn}
Dx: {dx}. Fall risk. Telemetry.
{pt.family} is alert and oriented, ambulating with a walker. {pt.His} {kin.son} {kin.full} stayed overnight and asked to be called at {kin.phone} with any change.
Meds due: {drug} at {time}.
Given by: {rn1.gf}, RN   Received by: {rn2.gf}, RN
"""),
    Template("social_work_note", "clinical", """\
SOCIAL WORK ASSESSMENT
Client: {pt.full}   DOB: {pt.dob}   ITIN: {pt.itin}
Met with {pt.given} at the bedside with an interpreter. {pt.He} is {pt.nat}, arrived in {year}, and identifies as {pt.faith}. {pt.He} lives with {pt.his} {kin.parent}, {kin.gf}, at
{pt.addr}
and has no health insurance. Referred to {clinic} and to the financial counselor, {fin.full} ({fin.email}).
Plan: follow up on {future}.
"""),
    Template("device_registration", "ticket", """\
IMPLANT AND DEVICE REGISTRATION
Patient: {pt.lf}   DOB {pt.dob}
Implant: cardiac monitor, serial {pt.serial}
Paired phone IMEI: {pt.imei}
Biometric ID: {pt.bio}
Remote monitoring portal: {pt.url}

Enrolled by {tech.full} on {date}. {pt.given} was shown how to send a manual transmission. Questions go to the device clinic at {cphone}.
"""),
    Template("incident_report", "letter", """\
INCIDENT REPORT - {hosp}
Date of incident: {date}   Time: {time}
Person involved: {pt.full} (visitor), phone {pt.phone}

Description: At about {time} {pt.given} slipped on a wet floor near the main elevators. {wit1.full} and {wit2.full}, both volunteers, helped {pt.him} to a chair. Security officer {sec.gf} took photographs. {pt.mr} {pt.family} declined an examination.

Reported by: {sec.full}
"""),
    Template("tax_email", "email", """\
Subject: Documents for your {year} tax return

Dear {pt.mr} {pt.family},

Thank you for sending your documents. Before we file, please confirm the following details:
- Taxpayer: {pt.full}, ITIN {pt.itin}
- Spouse: {kin.full}, SSN {kin.ssn}
- Home address: {pt.addr}

We also need the IBAN of the foreign account you mentioned ({pt.iban}) for the FBAR form. Please reply by {future} or call me at {cphone}.

Best regards,
{acc.full}, CPA
"""),
    Template("telehealth_note", "clinical", """\
TELEHEALTH VISIT - {date}
Connected by video with {pt.full}, {pt.ageyrs}, from {pt.city}. Identity confirmed with DOB {pt.dob} and address.
?{pt.given}'s {kin.parent} {kin.given} joined the call.
HPI: three days of {dx}. No fever. Tolerating fluids.
Plan: {drug}; return precautions given. If worse, {pt.he} will go to {hosp}.
Session IP {pt.ip}. Visit with {dr.gf}, NP.
"""),
    # -- the shapes of real records that the first templates lacked (issue 10): capitalised
    # clinical headers, lower-case chat, surname-only handovers, signatures with initials,
    # "Last, First" forms, CSV lines and news datelines.
    Template("clinical_header_caps", "clinical", """\
ADMISSION H&P - {hosp}
PATIENT: {pt.LF}     MRN: {pt.mrn}     DOB: {pt.dob}
ATTENDING: DR. {dr.FAM}     PCP: {pcp.GF}, MD
ADMIT DATE: {date}
CHIEF COMPLAINT: {~CHEST PAIN|SHORTNESS OF BREATH|FALL AT HOME|ABDOMINAL PAIN}
HPI: {pt.agen} Y/O {pt.MF} ADMITTED FROM ED. {pt.FAM} REPORTS 2 DAYS OF SYMPTOMS. HX FROM PT AND FAMILY ({kin.GF}).
?NOK: {kin.UP}  TEL {kin.phone}
PLAN: ADMIT TO MEDICINE, CONSULT DR. {con.FAM}. D/W {pt.FAM} AND FAMILY.
"""),
    Template("lowercase_chat", "chat", """\
[{time}] {pt.lgiven}: hey {fr.lgf} u there
[{time2}] {fr.lgiven}: ya whats up
[{time2}] {pt.lgiven}: clinic moved my appt to {sdate}, can u tell {fr2.lgiven}
[{time3}] {fr.lgiven}: ok np. is {kin.lgiven} still driving u
[{time3}] {pt.lgiven}: ya {kin.lower} picks me up. text me at {pt.cell} if anything changes
?[{time4}] {fr.lgiven}: kk. say hi to {kin.lgiven} from me and {fr2.lower}
"""),
    Template("surname_handover", "clinical", """\
NIGHT HANDOVER {~4 EAST|WARD 6|CCU|7 WEST}
{pt.family} stable overnight, plan CT {~abdomen|head|chest} this am. Obs ok, {pt.he} ate breakfast.
{p2.family} pain controlled on {drug}, home today if bloods ok.
{p3.family} spiked 38.4 at {time}, cultures sent, {dr.family} aware.
?Bed 9 {p4.family} NBM from midnight for theatre.
{pt.family}'s {kin.son} {kin.given} to ring {kin.phone} after 10.
Handed over by {rn1.given}, taken by {rn2.given}.
"""),
    Template("initials_signature", "email", """\
Subject: Results for {pt.ini}

Results for {pt.gf} (DOB {pt.dob}) reviewed on {date}; no change to plan. {pt.given} to book a review in six weeks.

-- {dr.ini} / {dr.inits}
{dr.INITS}/{tr.inits}  D: {date} T: {date2}
?cc: {pcp.ini}
"""),
    Template("last_first_forms", "ticket", """\
REGISTRATION
Name (Last, First): {pt.lf}
Date of birth: {pt.dob}    Sex: {pt.MF}
Emergency contact (Last, First): {kin.lf}    Tel: {kin.phone}
Primary care (Last, First): {pcp.lf}
Guarantor: {kin.LF}

Today's list: {p2.lf}; {pt.lf}; {p3.lf}.
Signed: {pt.gf}    Date: {date}
"""),
    Template("csv_lines", "table", """\
mrn,last_name,first_name,dob,phone,clinician
{pt.mrn},{pt.family},{pt.given},"{pt.dob}",{pt.phone},"{dr.lf}"
{p2.mrn},{p2.family},{p2.given},"{p2.dob}",{p2.phone},"{dr.lf}"
{p3.mrn},{p3.FAM},{p3.given},"{p3.dob}",{p3.phone},"{con.lf}"
"""),
    # -- shapes found by a probe of sentence shapes no template wrote (a bed's patient with no
    # handover header, people named in lower-case chat, what a record or a report says of a
    # person right after the name)
    Template("bed_board", "clinical", """\
BED BOARD {~4 EAST|WARD 6|CCU|7 WEST} {date}
Bed {~3|4|12|15} {pt.family} -- for CT {~head|chest|abdomen} in am, NBM from midnight.
bed {~7|8|9} - {p2.lfamily}: still confused overnight, sitter ordered.
?Rm {~2|5|11} {p3.family}: afebrile, for discharge today.
"""),
    Template("chat_people", "chat", """\
omg {fr.lgiven} just texted me lol
hi my name is {pt.lgiven}, nice to meet u
talked to {kin.lgf} today, {kin.he} said the results are fine
{fr2.given} and I went to the beach today, best day ever
"""),
    Template("record_predicates", "clinical", """\
{pt.GF} IS A {pt.agen} YO {pt.MF} ADMITTED WITH {~CHEST PAIN|SOB|A FALL}.
{p2.gf} (DOB {p2.dob}) presented with {dx}.
{p3.family}, {p3.agen}, a {~teacher|driver|nurse} from {p3.city}, was admitted on {date}.
"""),
    Template("news_dateline", "news", """\
BRIEF-{pt.GF} NAMED HEAD OF REGIONAL OFFICE

{pt.CITY}, {sdate} ({~Reuters|AP|AFP}) - {pt.gf} said on {~Monday|Tuesday|Thursday} that {pt.he} would take over the regional office of {pt.employer} next month.
"We have a lot of work to do," {pt.family} told reporters. {pt.His} predecessor, {prev.full}, retired in {year}.
?{pt.family} was born in {pt.city} and joined the company after a decade at {company}.
"""),
)
