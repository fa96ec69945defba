"""Fresh held-out cases for the interview-answer alignment check, in English.

Written before the rule was rewritten (issue 15) and never tuned on: the rule's parameters are
chosen on the tuning cases (alignment_cases_en.py / _fr.py); these only measure whether it
generalises. Fields the tuning cases do not cover: trades (plumbing, heavy equipment), early
childhood, agriculture, logistics, hospitality, science, public service, home care, performing
arts, animal care, community work.

CASES: (posting key, answer, expected codes). An empty set means the answer is aligned.
Labels follow the documented meaning of each code (docs/apps/text-checks.md):

- contradicts_role: the answer wants less of, or away from, the posting's core work;
- unrelated_field: the answer's goal lies in another field than the posting's;
- no_value_to_employer: nothing says what the candidate will bring to the employer (its team,
  its clients, patients, children, residents, results), in whatever words;
- no_win_win: nothing links this job to the candidate's own goal;
- vague: too short, a wish with no concrete aim (no role, skill or outcome), or no horizon.

Strong answers are written in many styles on purpose: value stated through the people served
("children in my group will…", "homeowners will get…") rather than "you/your", win-win through
the work itself ("running these tests every day is how I build…").
"""

POSTINGS = {
    "plumber": (
        "Residential Service Plumber – Ottawa. We are hiring a licensed plumber to diagnose and "
        "repair leaks, install water heaters and fixtures, and clear drains in customers' homes. "
        "You will drive a company van, quote jobs on site and keep your work area clean. 309A "
        "licence required."
    ),
    "ece": (
        "Early Childhood Educator (ECE) – Maple Leaf Child Care Centre. We are looking for a "
        "registered early childhood educator to plan play-based activities for a group of "
        "toddlers, observe and document each child's development, and communicate daily with "
        "families. First aid and CPR certificate required."
    ),
    "greenhouse": (
        "Greenhouse Grower Assistant. Our vegetable greenhouse is seeking a grower assistant to "
        "monitor plant health, manage irrigation and climate controls, scout for pests and help "
        "plan planting schedules for tomatoes and cucumbers. Early mornings and some weekends "
        "during the season."
    ),
    "truck_driver": (
        "Class 1 Truck Driver – Regional. We are recruiting a Class 1 driver to deliver freight "
        "to retailers across the province, complete pre-trip inspections, keep accurate logbooks "
        "and load and secure cargo safely. Home most nights."
    ),
    "front_desk": (
        "Front Desk Agent – Harbourview Hotel. We are hiring a front desk agent to welcome "
        "guests, handle check-ins and check-outs, manage reservations in our property management "
        "system and resolve guest requests with a smile. Evening and weekend shifts."
    ),
    "lab_tech": (
        "Laboratory Technician, Microbiology. Our food safety lab is seeking a laboratory "
        "technician to prepare culture media, run microbiological tests on food samples, record "
        "results in the LIMS and follow ISO 17025 quality procedures."
    ),
    "permit_clerk": (
        "Permit Clerk – City of Kingston. The City is hiring a permit clerk to answer residents' "
        "questions at the counter and by phone, review building permit applications for "
        "completeness, collect fees and keep records up to date in the municipal database."
    ),
    "psw": (
        "Personal Support Worker – Home Care. We are looking for a PSW to visit clients in their "
        "homes, help them with bathing, dressing and meals, support their mobility safely and "
        "report changes in their condition to the care coordinator."
    ),
    "stage_tech": (
        "Stage Technician – Grand Theatre. We are looking for a stage technician to set up "
        "lighting and sound for performances, build and move scenery, run cues during shows and "
        "maintain equipment. Evening and weekend work."
    ),
    "vet_tech": (
        "Veterinary Technician – small animal clinic. We are hiring a registered veterinary "
        "technician to assist in surgery, take X-rays and blood samples, monitor anaesthesia and "
        "educate pet owners about care at home."
    ),
    "youth_worker": (
        "Youth Worker – community centre. We are seeking a youth worker to run after-school "
        "programs for teenagers aged 12 to 17, build trusting relationships with them, help them "
        "with homework and refer them to community resources when needed."
    ),
    "hd_mechanic": (
        "Heavy Equipment Mechanic. Our construction fleet needs a heavy equipment mechanic to "
        "diagnose and repair excavators, loaders and trucks, perform preventive maintenance and "
        "keep service records. Hydraulics experience is an asset."
    ),
}

CASES = [
    # --- Plumbing ---
    ("plumber",
     "Within five years I want to earn my master plumber ticket and eventually train "
     "apprentices. I'll give your customers repairs done right the first time, which means fewer "
     "callbacks for the company, and this job's mix of service calls is the best way for me to "
     "see every kind of system.", set()),
    ("plumber",
     "By the end of 2027 I'd like to be certified in backflow prevention and gas fitting. "
     "Homeowners who call the company will get one plumber who can fix everything on the first "
     "visit, and this service role exposes me to exactly those systems.", set()),
    ("plumber",
     "In a few years I'd like to stop crawling under sinks and going into people's homes, and "
     "move to a desk job doing estimates. I'll help your office with quotes, and this job gets "
     "my foot in the door.", {"contradicts_role"}),
    ("plumber",
     "In three years I see myself as a lead service plumber. Homeowners will get clean, honest "
     "work from me, and I'll keep the van stocked and the callback rate low.", {"no_win_win"}),
    ("plumber", "I just want steady work and to see where things go.",
     {"vague", "no_value_to_employer", "no_win_win"}),
    # --- Early childhood ---
    ("ece",
     "Over the next three years I want to deepen my skills in play-based learning and become a "
     "room lead. Children in my group will have a safe, stimulating day and families will know "
     "exactly how their child is growing; working with toddlers here is the experience I need "
     "for that.", set()),
    ("ece",
     "In the next two years I aim to complete my infant and toddler specialisation. I'll give "
     "each toddler individual attention and document their progress so families feel confident, "
     "and this position puts that specialisation into daily practice.", set()),
    ("ece",
     "In the long run I'd rather work with adults than with young children, ideally in office "
     "administration. I'll keep your paperwork organised, and this job is a way to get started.",
     {"contradicts_role", "unrelated_field"}),
    ("ece",
     "In five years I want to be a licensed real estate agent selling houses. Meanwhile I'll "
     "bring energy and reliability to the centre's team, and this job gives me flexible hours to "
     "study for my licence.", {"unrelated_field"}),
    ("ece",
     "By 2028 I hope to be a pedagogical advisor for a group of child care centres; this job "
     "will give me the hands-on experience with toddlers that I need to get there.",
     {"no_value_to_employer"}),
    # --- Agriculture ---
    ("greenhouse",
     "In the next five years I'd like to become a head grower, ideally specialising in "
     "integrated pest management. I'll bring careful scouting and steady irrigation work so the "
     "crop stays healthy and yields stay high, and this season in the greenhouse is exactly the "
     "practice I need.", set()),
    ("greenhouse", "I want to learn and grow, and I'm open to anything.",
     {"vague", "no_value_to_employer", "no_win_win"}),
    ("greenhouse",
     "Over the next couple of years I'd like to spend less time on irrigation rounds and plant "
     "checks, and more time on the business side. I'll help the team with its ordering, and "
     "this job teaches me how the greenhouse runs.", {"contradicts_role"}),
    ("greenhouse",
     "Within four years I plan to be a paramedic. I'll work hard for your greenhouse while I "
     "take night classes, and this job helps me pay for paramedic school.",
     {"unrelated_field"}),
    # --- Logistics ---
    ("truck_driver",
     "Within three years I want to be one of your most trusted drivers and train new drivers. "
     "I'll deliver every load on time and with zero incidents, which keeps retailers happy, and "
     "this regional route lets me build the safe-driving record I need.", set()),
    ("truck_driver",
     "Over the next three years I want to become a driver trainer and help new drivers have "
     "fewer accidents. I'll deliver every load safely and on schedule for the company, and this "
     "job builds the experience a trainer needs.", set()),
    ("truck_driver",
     "My goal over the next few years is to drive less and eventually get off the road "
     "entirely, maybe into dispatch. I'll support the team where I can, and this job is a good "
     "start.", {"contradicts_role"}),
    ("truck_driver",
     "In five years I'd like my own rig as an owner-operator, and driving this regional route "
     "is the experience that gets me there.", {"no_value_to_employer"}),
    ("truck_driver",
     "In three years I want to be working as a chef in a fine dining restaurant. I will always "
     "be on time for your deliveries.", {"unrelated_field", "no_win_win"}),
    # --- Hospitality ---
    ("front_desk",
     "Over the next four years I want to move into a front office manager role. I'll make sure "
     "every guest feels welcome and that problems are solved before they become bad reviews, and "
     "the variety of situations at a busy front desk is the best training for that role.",
     set()),
    ("front_desk",
     "Five years from now I'd like to be managing guest experience for a boutique hotel. I'll "
     "turn check-in into the moment guests start enjoying their stay, which brings repeat "
     "bookings, and working the front desk here teaches me every part of that experience.",
     set()),
    ("front_desk",
     "In two years I want to be a front office supervisor. I will treat every guest with "
     "warmth, keep the reservations accurate and help the team through busy check-in times.",
     {"no_win_win"}),
    ("front_desk",
     "In the coming years I want a job with no more evening shifts and less contact with "
     "guests, something behind the scenes. I'll help the hotel keep its files in order, and "
     "this job is a good start for me.", {"contradicts_role"}),
    ("front_desk",
     "I want to be successful and happy in whatever I do. I will give my best to the hotel, and "
     "this job is a good opportunity for me.", {"vague"}),
    # --- Science ---
    ("lab_tech",
     "My goal for the next five years is to become a senior microbiologist responsible for "
     "method validation. Reliable, well-documented results from my bench will help the lab keep "
     "its ISO accreditation and its clients' trust, and running these tests every day is how I "
     "build that expertise.", set()),
    ("lab_tech",
     "In a few years I want to work as a graphic designer creating brand identities. I'll be "
     "careful with your samples, and this job pays the bills while I build my portfolio.",
     {"unrelated_field"}),
    ("lab_tech",
     "In three years I want to be certified as a medical laboratory technologist, and this "
     "position lets me practise microbiology techniques every day.", {"no_value_to_employer"}),
    ("lab_tech",
     "I want to become a better scientist. I will help the lab with its testing, and this job "
     "helps me learn.", {"vague"}),
    # --- Public service ---
    ("permit_clerk",
     "In the next three years I'd like to become a permit technician who reviews plans, not "
     "just applications. I'll give residents clear, patient answers and keep the permit records "
     "accurate, which saves everyone time, and this job is the right place to learn the "
     "building code from the inside.", set()),
    ("permit_clerk",
     "Long term I want to avoid dealing with the public at the counter and on the phone. I'll "
     "help the department with its filing, and this role lets me learn how the city works.",
     {"contradicts_role"}),
    ("permit_clerk", "Work for the city.", {"vague", "no_value_to_employer", "no_win_win"}),
    ("permit_clerk",
     "Within five years I want to be a professional photographer with my own studio. I'll be "
     "reliable for the City, and this job gives me a stable income in the meantime.",
     {"unrelated_field"}),
    # --- Home care ---
    ("psw",
     "In two years I plan to start my practical nursing diploma and become an RPN. I'll help "
     "clients stay safe and comfortable in their own homes and report any change quickly, and "
     "visiting people every day teaches me the observation skills nurses rely on.", set()),
    ("psw",
     "In the next few years I'd like to move away from personal care like bathing and "
     "dressing. I'll help the agency with scheduling, and this job gives me experience in "
     "health care.", {"contradicts_role"}),
    ("psw",
     "By 2027 I want to be a senior PSW who mentors new workers. My clients will always be "
     "treated with dignity, and I'll make sure the care coordinator knows about any change in "
     "their condition.", {"no_win_win"}),
    ("psw", "I want to see where life takes me, and this job will help me figure things out.",
     {"vague", "no_value_to_employer"}),
    # --- Performing arts ---
    ("stage_tech",
     "Within four years I want to become head of lighting for a touring production. On your "
     "stage I'll run clean cues and keep the equipment in top shape so shows start on time, and "
     "this job is exactly where I can learn from experienced crews.", set()),
    ("stage_tech",
     "In five years I'd like to be an accountant with my CPA. I'll work hard on your shows in "
     "the meantime, and this job pays for my evening courses.", {"unrelated_field"}),
    ("stage_tech",
     "Over the next few years I want to stop working nights and weekends on shows and avoid "
     "heavy scenery work. I'll help the theatre with its admin, and this job is a step for me.",
     {"contradicts_role"}),
    ("stage_tech",
     "In three years I hope to design lighting for my own productions; running cues here will "
     "teach me how lighting works in a real theatre.", {"no_value_to_employer"}),
    # --- Animal care ---
    ("vet_tech",
     "Over the next three years I want to specialise in anaesthesia and earn a VTS "
     "certification. Patients will be monitored closely under my care and owners will leave "
     "knowing how to look after their pets, and this clinic's surgery schedule is exactly the "
     "practice that specialty requires.", set()),
    ("vet_tech", "I love animals and want to be happy at work.",
     {"vague", "no_value_to_employer", "no_win_win"}),
    ("vet_tech",
     "Within five years I want to become a lead veterinary technician. I'll keep anaesthesia "
     "safe for every patient and help owners understand home care.", {"no_win_win"}),
    ("vet_tech",
     "In the next few years I want to become a software developer building mobile apps. I'll "
     "help the clinic with its computers, and this job lets me save for a coding bootcamp.",
     {"unrelated_field"}),
    # --- Community work ---
    ("youth_worker",
     "In five years I want to coordinate youth programs for the whole centre. I'll build real "
     "trust with the teens, help them keep up with school and connect them to the right "
     "resources, and running these after-school programs is the foundation I need to get "
     "there.", set()),
    ("youth_worker",
     "Long term, I'd like to work less directly with teenagers and more on program "
     "administration from an office. I'll help the centre with paperwork, and this role is a "
     "first step.", {"contradicts_role"}),
    ("youth_worker",
     "By 2029 I'd like to be a social worker; this job lets me build experience with teenagers "
     "before I finish my degree.", {"no_value_to_employer"}),
    ("youth_worker",
     "I want to make a difference. I'll support the teens, and this job helps me grow.",
     {"vague"}),
    # --- Heavy equipment ---
    ("hd_mechanic",
     "Within three years I want to be a licensed heavy-duty technician specialising in "
     "hydraulics. I'll keep your excavators and loaders running and cut downtime on the job "
     "sites, and working on a whole construction fleet is the best experience I can get for "
     "that.", set()),
    ("hd_mechanic",
     "I want to learn as much as I can about hydraulics and diesel engines over the next two "
     "years, and become the go-to person for hydraulic repairs. I'll keep the fleet's "
     "preventive maintenance on schedule, and this job gives me that hands-on learning.",
     set()),
    ("hd_mechanic",
     "In a few years I want to get out of the shop and stop repairing machines; I'd like to "
     "manage purchasing instead. I will help with parts orders, and this job is a start.",
     {"contradicts_role"}),
    ("hd_mechanic",
     "In four years I want to be a nurse in a hospital emergency department. I'll fix your "
     "trucks well until then.", {"unrelated_field", "no_win_win"}),
]  # fmt: skip
