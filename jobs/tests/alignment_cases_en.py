"""English postings and answers to "What are your career goals?", with the issue codes expected.

CASES: (posting key, answer, expected codes). An empty set means the answer is aligned.
"""

POSTINGS = {
    "sales_manager": (
        "Sales Manager – Laval. We are looking for a sales manager to lead a team of six "
        "representatives, grow revenue with key accounts and build lasting relationships with our "
        "customers. You will set quotas, coach the team and negotiate major contracts."
    ),
    "nurse": (
        "Registered Nurse, medical unit. We are hiring a registered nurse to provide safe, "
        "compassionate patient care on day and night shifts. You will assess patients, give "
        "medication, and work closely with physicians and families in our hospital."
    ),
    "developer": (
        "Backend Developer. We are seeking a backend developer to design and build Python and "
        "Django APIs for our web application. You will write tested code, review pull requests "
        "and improve the performance of our software."
    ),
    "accountant": (
        "Staff Accountant. Our firm is looking for an accountant to prepare financial statements, "
        "manage accounts payable and receivable, run payroll and handle month-end "
        "reconciliations. Experience with tax returns is an asset."
    ),
    "teacher": (
        "Elementary School Teacher. We are hiring a teacher for a grade 4 classroom. You will plan "
        "lessons, follow the curriculum, assess students and work with parents."
    ),
    "electrician": (
        "Construction Electrician. We are looking for an electrician to install wiring on "
        "commercial construction job sites, read plans and follow safety codes."
    ),
    "cook": (
        "Line Cook. Busy downtown restaurant is hiring a cook to prepare dishes from our menu, "
        "keep the kitchen clean and serve our guests quickly."
    ),
}

CASES = [
    # --- Aligned answers (must pass) ---
    ("sales_manager",
     "Over the next three years, I want to become a regional sales director. In this role I will "
     "help your team grow revenue with key accounts, and coaching six representatives is exactly "
     "the experience that brings me closer to that goal.", set()),
    ("sales_manager",
     "In five years I see myself leading a larger sales organisation. Here I will bring my "
     "negotiation skills to increase your revenue, and this position lets me build the coaching "
     "experience I need to get there.", set()),
    ("nurse",
     "In the next three years, I want to specialise in critical care nursing. I will give your "
     "patients safe, attentive care on every shift, and this position will help me build the "
     "clinical experience I need for the ICU.", set()),
    ("nurse",
     "My long-term goal is to become a nurse educator. I want to support your patients and "
     "families with clear teaching at the bedside, and this role is the right step toward that "
     "goal because I will learn from experienced physicians.", set()),
    ("developer",
     "Within two years I want to become a senior backend developer. I will help your team ship "
     "reliable Python APIs and improve the performance of the product, and this job lets me "
     "deepen my Django skills with code reviews.", set()),
    ("accountant",
     "In the next five years, I plan to earn my CPA designation. I will keep your financial "
     "statements accurate and your month-end reconciliations on time, and this position gives me "
     "the practical accounting experience the CPA program requires.", set()),
    ("teacher",
     "In the coming years I want to lead pedagogical projects in my school. I will help your "
     "students succeed in reading and mathematics, and this position lets me develop my classroom "
     "practice with a great team.", set()),
    ("electrician",
     "In four years I want to become a site supervisor. I will deliver safe, code-compliant "
     "wiring on your construction sites, and this job gives me the commercial experience I need "
     "for that role.", set()),
    ("cook",
     "Within three years I want to become a sous-chef. I will help the kitchen serve your guests "
     "quickly and consistently, and this position lets me learn every station of a busy "
     "restaurant.", set()),
    # --- contradicts_role ---
    ("sales_manager",
     "In the next few years I'd like a role that doesn't involve working with customers as much. "
     "I will help your team organise its reporting, and this job helps me get there.",
     {"contradicts_role"}),
    ("sales_manager",
     "Long term, I want to move away from selling and into project coordination. I will support "
     "your team with planning, and this position lets me learn how the business runs.",
     {"contradicts_role"}),
    ("nurse",
     "In three years I hope to have less patient contact and more office work. I will help your "
     "team with documentation, and this role gives me a foot in the hospital.",
     {"contradicts_role"}),
    ("nurse",
     "My goal over the next five years is to stop working night shifts and avoid bedside care. "
     "I will support your unit's quality projects, and this job lets me learn about them.",
     {"contradicts_role"}),
    ("developer",
     "In two years I want to get out of coding and manage budgets instead. I will help your team "
     "plan its sprints, and this position lets me learn about the product.",
     {"contradicts_role"}),
    ("accountant",
     "In the next three years I'd like a job where I don't have to do payroll or reconciliations. "
     "I will help your firm with client events, and this role lets me meet people.",
     {"contradicts_role"}),
    ("cook",
     "Within two years I want to leave the kitchen and work in an office. I will help your "
     "restaurant with scheduling, and this job helps me save money for school.",
     {"contradicts_role"}),
    # --- unrelated_field ---
    ("accountant",
     "In five years I want to be a registered nurse in a hospital, caring for patients. I will "
     "help your firm in the meantime, and this job pays for my nursing school.",
     {"unrelated_field"}),
    ("developer",
     "In three years I want to open my own restaurant and cook for guests every night. I will "
     "help your team with its APIs, and this job funds my kitchen project.",
     {"unrelated_field"}),
    ("teacher",
     "Within two years I want to work in software development as a Python developer. I will help "
     "your students with computers, and this position gives me time to study programming.",
     {"unrelated_field"}),
    ("electrician",
     "In the next four years, I want to build a career in marketing: social media campaigns and "
     "brand content. I will help your company with its website, and this job helps me save.",
     {"unrelated_field"}),
    # --- no_value_to_employer ---
    ("sales_manager",
     "In three years I want to be a sales director, because leading a bigger team of "
     "representatives is my dream, and this role is a step toward that.",
     {"no_value_to_employer"}),
    ("nurse",
     "Over the next five years I want to specialise in pediatric nursing; this position will help "
     "me gain the hospital experience I need.", {"no_value_to_employer"}),
    ("developer",
     "Within two years I want to be a senior Python developer, and this job lets me learn Django "
     "from experienced people.", {"no_value_to_employer"}),
    ("accountant",
     "In five years I want my CPA designation; this position gives me the accounting hours I "
     "need.", {"no_value_to_employer"}),
    # --- no_win_win ---
    ("sales_manager",
     "In three years I want to be a regional sales director. I will grow your revenue with key "
     "accounts and coach your representatives to exceed their quotas.", {"no_win_win"}),
    ("nurse",
     "My goal within five years is to become a clinical nurse specialist. I will give your "
     "patients safe, compassionate care and support their families.", {"no_win_win"}),
    ("accountant",
     "In the next four years I want to earn my CPA. I will keep your financial statements "
     "accurate and close the month on time.", {"no_win_win"}),
    ("cook",
     "In three years I want to be a chef de cuisine. I will serve your guests fast and keep the "
     "kitchen spotless.", {"no_win_win"}),
    # --- vague ---
    ("sales_manager",
     "I want to become a sales director who coaches great representatives. I will help your team "
     "grow revenue, and this position brings me closer to that goal.", {"vague"}),
    ("developer",
     "I just want to grow and be successful. I will help your team, and this job lets me learn.",
     {"vague"}),
    ("nurse",
     "I want to specialise in emergency nursing. I will give your patients attentive care, and "
     "this role helps me build experience.", {"vague"}),
    # --- several issues at once ---
    ("sales_manager", "I want to be successful.",
     {"no_value_to_employer", "no_win_win", "vague"}),
    ("nurse",
     "I want to leave patient care behind and become a web developer writing Python code.",
     {"contradicts_role", "unrelated_field", "no_value_to_employer", "no_win_win", "vague"}),
]  # fmt: skip
