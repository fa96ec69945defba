"""A second development (tuning) set for the alignment check, in English.

The rule's parameters are chosen on this set and alignment_cases_en/fr.py together (never on
alignment_fresh_*.py). Other fields again, so that nothing is fitted to the seven original
postings: the issue's own examples (a regional sales role), emergency services, libraries,
carpentry, transit, social work, physiotherapy, hairdressing, data analysis, security,
landscaping, journalism, pharmacy.
"""

POSTINGS = {
    "regional_sales": (
        "Territory Sales Representative – Atlantic Canada. We are looking for a sales "
        "representative to develop our agricultural equipment business with dealers across the "
        "region, prospect new accounts, present our product line and reach quarterly sales "
        "targets."
    ),
    "firefighter": (
        "Firefighter – Town of Cobourg Fire Services. The Town is hiring a full-time firefighter "
        "to respond to fires, medical calls and rescues, maintain apparatus and equipment, and "
        "deliver fire prevention education in schools. NFPA 1001 certification required."
    ),
    "librarian": (
        "Public Services Librarian. The library is seeking a librarian to help patrons find "
        "information, run reading programs for children and adults, build the collection and "
        "teach digital literacy workshops."
    ),
    "carpenter": (
        "Finish Carpenter. We are hiring a carpenter to install doors, trim, cabinets and "
        "staircases in new custom homes, read blueprints and work with other trades on site."
    ),
    "bus_driver": (
        "Transit Operator. The city transit authority is recruiting bus operators to drive "
        "scheduled routes safely, assist passengers, collect fares and report incidents."
    ),
    "social_worker": (
        "Child Protection Social Worker. We are seeking a social worker to assess the safety of "
        "children, work with families on safety plans, write court reports and connect families "
        "to community services."
    ),
    "physio": (
        "Physiotherapist – outpatient clinic. We are hiring a physiotherapist to assess patients "
        "with musculoskeletal injuries, design treatment and exercise programs, and track their "
        "progress toward recovery."
    ),
    "hairdresser": (
        "Hairstylist – Studio Nova. We are looking for a hairstylist to cut, colour and style "
        "clients' hair, advise them on products and build a loyal clientele."
    ),
    "data_analyst": (
        "Data Analyst – retail. We are seeking a data analyst to build dashboards, analyse sales "
        "and inventory data with SQL and Python, and present insights to store managers."
    ),
    "security_guard": (
        "Security Guard – hospital. We are hiring a security guard to patrol the building, "
        "monitor cameras, control access and respond calmly to incidents."
    ),
    "landscaper": (
        "Landscape Labourer. Our company is looking for a labourer to plant trees and shrubs, "
        "lay sod and paving stones, and maintain the gardens of our residential clients."
    ),
    "pharmacy_assistant": (
        "Pharmacy Assistant. Our community pharmacy is hiring an assistant to fill "
        "prescriptions under the pharmacist's supervision, manage inventory and serve customers "
        "at the counter."
    ),
}

CASES = [
    ("regional_sales",
     "In the next few years I want to grow into leading a larger region. I'd bring customer "
     "insight to increase your market share, and this role is exactly where I can do that.",
     set()),
    ("regional_sales",
     "Over the next two years I want to learn as much as I can about selling complex "
     "equipment and become a senior account executive. I'll bring new dealers to the business, "
     "and this role is where I can learn that.", set()),
    ("regional_sales",
     "Within three years I'd like to stop prospecting and cold calling and move into an "
     "internal role. I'll help the team with reports, and this job is a step toward that.",
     {"contradicts_role"}),
    ("regional_sales",
     "In four years I want to be a high school history teacher. I'll meet your targets in the "
     "meantime, and this job pays for my education degree.", {"unrelated_field"}),
    ("firefighter",
     "Within five years I want to become a fire prevention officer. I'll respond to every call "
     "ready and keep the equipment in service, and the prevention visits in schools are the "
     "experience that prepares me for that role.", set()),
    ("firefighter",
     "Long term I'd rather avoid going into burning buildings and do less rescue work. I'll "
     "help the department with scheduling, and this job gets me into the service.",
     {"contradicts_role"}),
    ("firefighter",
     "In three years I want to be a lieutenant; this job gives me the experience on the "
     "trucks I need.", {"no_value_to_employer"}),
    ("librarian",
     "In the next five years I want to lead the library's digital literacy services. Patrons "
     "of every age will leave my workshops more confident online, and teaching them every week "
     "is how I build that expertise.", set()),
    ("librarian",
     "I want to do something interesting with my life.",
     {"vague", "no_value_to_employer", "no_win_win"}),
    ("carpenter",
     "In four years I want to run my own finish carpentry crew. Clients will get clean, "
     "precise trim and cabinets from me, and installing custom staircases here teaches me the "
     "hardest part of the trade.", set()),
    ("carpenter",
     "Within three years I want to become a journeyman carpenter. I will install doors and "
     "cabinets carefully and on schedule.", {"no_win_win"}),
    ("carpenter",
     "In a couple of years I want to be a dental hygienist. I'll work hard on your sites, and "
     "this job pays for my program.", {"unrelated_field"}),
    ("bus_driver",
     "Over the next three years I want to become a transit supervisor. Passengers will get a "
     "safe, courteous ride on my routes, and driving for the city is the best preparation for "
     "that role.", set()),
    ("bus_driver",
     "I want to grow. I will help, and this job is good for me.",
     {"vague", "no_value_to_employer"}),
    ("social_worker",
     "In the next five years I want to specialise in family reunification. I'll build safety "
     "plans that keep children safe while keeping families together, and this role gives me "
     "the casework experience I need.", set()),
    ("social_worker",
     "Within two years I want to get away from child protection files and court reports. I'll "
     "help the agency with its programs, and this job is a start.", {"contradicts_role"}),
    ("physio",
     "In three years I want to be certified in vestibular rehabilitation. My patients will "
     "recover faster with programs built around their goals, and the variety of injuries at "
     "this clinic is exactly the practice I need.", set()),
    ("physio",
     "In five years I want to be a commercial airline pilot. I'll treat your patients well "
     "until then, and this job funds my flight hours.", {"unrelated_field"}),
    ("hairdresser",
     "By 2028 I'd like to become a colour specialist and train junior stylists. Clients will "
     "leave with colour that suits them and come back, and this salon lets me practise "
     "advanced colour every day.", set()),
    ("hairdresser",
     "In two years I want to be a senior stylist, and this job gives me the clientele to get "
     "there.", {"no_value_to_employer"}),
    ("data_analyst",
     "Within two years I want to become a senior analyst who owns the forecasting models. "
     "Store managers will make better inventory decisions from my dashboards, and this role "
     "is where I can deepen my Python and SQL.", set()),
    ("data_analyst",
     "In the next few years I'd like to spend less time on SQL and dashboards and no longer "
     "work with data at all. I'll help the stores with events, and this job is a start.",
     {"contradicts_role"}),
    ("security_guard",
     "In three years I want to become a security supervisor. I'll keep patients, staff and "
     "visitors safe and handle incidents calmly, and this hospital is the right place to learn "
     "how to lead a security team.", set()),
    ("security_guard",
     "In five years I want to be a pastry chef. I'll patrol well, and this job pays for my "
     "pastry courses.", {"unrelated_field"}),
    ("landscaper",
     "Over the next three years I want to become a certified horticulturist. I'll plant and "
     "maintain gardens our clients are proud of, and working outdoors on these projects "
     "teaches me plants in every season.", set()),
    ("pharmacy_assistant",
     "Within four years I want to be a registered pharmacy technician. I'll fill prescriptions "
     "accurately and keep the shelves stocked so patients never wait, and this role lets me "
     "learn from the pharmacist every day.", set()),
    ("pharmacy_assistant",
     "In three years I want to be a pharmacy technician. I'll serve customers with care and "
     "keep inventory right.", {"no_win_win"}),
]  # fmt: skip
