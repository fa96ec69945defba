"""ESCO-layout CSV sets for tests: a tiny invented release, and a real subset cut from the
official files (for browser journeys that need true labels without importing everything).
"""

import csv
import gzip
from pathlib import Path

from taxonomy.importer import find_file, read_csv

ESCO = "http://data.europa.eu/esco"

HEADERS = {
    "occupations": [
        "conceptType",
        "conceptUri",
        "iscoGroup",
        "preferredLabel",
        "altLabels",
        "hiddenLabels",
        "status",
        "modifiedDate",
        "regulatedProfessionNote",
        "scopeNote",
        "definition",
        "inScheme",
        "description",
        "code",
    ],
    "skills": [
        "conceptType",
        "conceptUri",
        "skillType",
        "reuseLevel",
        "preferredLabel",
        "altLabels",
        "hiddenLabels",
        "status",
        "modifiedDate",
        "scopeNote",
        "definition",
        "inScheme",
        "description",
    ],
    "ISCOGroups": [
        "conceptType",
        "conceptUri",
        "code",
        "preferredLabel",
        "status",
        "altLabels",
        "inScheme",
        "description",
    ],
    "skillGroups": [
        "conceptType",
        "conceptUri",
        "preferredLabel",
        "altLabels",
        "hiddenLabels",
        "status",
        "modifiedDate",
        "scopeNote",
        "inScheme",
        "description",
        "code",
    ],
    "broader": ["conceptType", "conceptUri", "broaderType", "broaderUri"],
    "occupationSkillRelations": ["occupationUri", "relationType", "skillType", "skillUri"],
    "skillSkillRelations": [
        "originalSkillUri",
        "originalSkillType",
        "relationType",
        "relatedSkillType",
        "relatedSkillUri",
    ],
    "transversal": [
        "conceptType",
        "conceptUri",
        "skillType",
        "reuseLevel",
        "preferredLabel",
        "status",
        "altLabels",
        "description",
        "broaderConceptUri",
        "broaderConceptPT",
    ],
}


def isco(code):
    return f"{ESCO}/isco/C{code}"


def occ(name):
    return f"{ESCO}/occupation/{name}"


def skill(name):
    return f"{ESCO}/skill/{name}"


def group(name):
    return f"{ESCO}/skill/group-{name}"


# The tiny release: (code, label_en, label_fr).
ISCO_GROUPS = [
    ("2", "Professionals", "Professions intellectuelles et scientifiques"),
    ("22", "Health professionals", "Spécialistes de la santé"),
    ("5", "Service and sales workers", "Personnel des services directs et vendeurs"),
    ("53", "Personal care workers", "Personnel soignant"),
    ("532", "Personal care workers in health services", "Aides-soignants"),
    ("5321", "Health care assistants", "Aides-soignants en établissement"),
]
ISCO_PARENTS = {"22": "2", "53": "5", "532": "53", "5321": "532"}
# uri name: (isco code, code, label_en, label_fr, alt_en, alt_fr, description_en)
OCCUPATIONS = {
    "hca": (
        "5321",
        "5321.1",
        "health care assistant",
        "préposé aux bénéficiaires/préposée aux bénéficiaires",
        ["nursing assistant", "care assistant"],
        ["aide-soignant", "aide-soignante"],
        "Health care assistants work in a team providing care to patients.",
    ),
    "nurse": (
        "22",
        "2221.1",
        "nurse responsible for general care",
        "infirmier/infirmière",
        ["general nurse"],
        [],
        "Nurses responsible for general care promote health.",
    ),
    "porter": (
        "5321",
        "5321.2",
        "patient transport aide",
        "brancardier/brancardière",
        [],
        [],
        "Patient transport aides move patients.",
    ),
}
OCCUPATION_BROADER = {"porter": "hca"}
# Skill groups: name -> (code, label_en, label_fr, parent name or None)
SKILL_GROUPS = {
    "S": ("S", "skills", "aptitudes", None),
    "S1": (
        "S1",
        "communication, collaboration and creativity",
        "communication, collaboration et créativité",
        "S",
    ),
    "S3": ("S3", "assisting and caring", "assistance et soins", "S"),
    "K": ("K", "knowledge", "savoirs", None),
    "K09": ("", "health and welfare", "santé et protection sociale", "K"),
    "T": ("T", "transversal skills and competences", "compétences transversales", None),
    "T1": ("T1", "core skills and competences", "compétences de base", "T"),
}
# name -> (type, reuse, label_en, label_fr or "", alt_en, groups, broader skills)
SKILLS = {
    "assist": (
        "skill/competence",
        "sector-specific",
        "assist patients with special needs",
        "aider des patients ayant des besoins particuliers",
        ["help patients"],
        ["S3"],
        [],
    ),
    "communicate": (
        "skill/competence",
        "cross-sector",
        "communicate with patients",
        "communiquer avec des patients",
        [],
        ["S1"],
        [],
    ),
    "monitor": (
        "skill/competence",
        "sector-specific",
        "monitor patient's health",
        "surveiller la santé d'un patient",
        [],
        ["S3"],
        [],
    ),
    "vitals": (
        "skill/competence",
        "occupation-specific",
        "measure vital signs",
        "mesurer les signes vitaux",
        [],
        [],
        ["monitor"],
    ),
    "anatomy": (
        "knowledge",
        "sector-specific",
        "human anatomy",
        "anatomie humaine",
        [],
        ["K09"],
        [],
    ),
    "empathy": (
        "skill/competence",
        "transversal",
        "show empathy",
        "",
        ["be empathetic"],
        ["T1"],
        [],
    ),
    "drive": (
        "skill/competence",
        "cross-sector",
        "drive vehicles",
        "conduire des véhicules",
        [],
        ["S3"],
        [],
    ),
}
TRANSVERSAL = ["empathy"]
# (occupation, skill, relation)
OCCUPATION_SKILLS = [
    ("hca", "assist", "essential"),
    ("hca", "communicate", "essential"),
    ("hca", "monitor", "essential"),
    ("hca", "anatomy", "essential"),
    ("hca", "empathy", "optional"),
    ("hca", "drive", "optional"),
    ("nurse", "communicate", "essential"),
    ("nurse", "monitor", "essential"),
    ("nurse", "vitals", "essential"),
    ("nurse", "anatomy", "essential"),
    ("porter", "assist", "essential"),
    ("porter", "drive", "essential"),
]
SKILL_RELATIONS = [("communicate", "empathy", "optional")]


def _write(path, header, rows, gz):
    path = Path(f"{path}.csv.gz" if gz else f"{path}.csv")
    opener = gzip.open if gz else open
    with opener(path, "wt", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def tiny_release_rows():
    """The tiny release as {file stem: (header, rows)}; tests may edit it before writing."""
    files = {}
    for language in ("en", "fr"):
        files[f"ISCOGroups_{language}"] = (
            HEADERS["ISCOGroups"],
            [
                [
                    "ISCOGroup",
                    isco(code),
                    code,
                    label_en if language == "en" else label_fr,
                    "released",
                    "",
                    "",
                    "",
                ]
                for code, label_en, label_fr in ISCO_GROUPS
            ],
        )
        files[f"occupations_{language}"] = (
            HEADERS["occupations"],
            [
                [
                    "Occupation",
                    occ(name),
                    values[0],
                    values[2] if language == "en" else values[3],
                    "\n".join(values[4] if language == "en" else values[5]),
                    "",
                    "released",
                    "",
                    "",
                    "",
                    "",
                    "",
                    values[6] if language == "en" else "",
                    values[1],
                ]
                for name, values in OCCUPATIONS.items()
            ],
        )
        files[f"skillGroups_{language}"] = (
            HEADERS["skillGroups"],
            [
                [
                    "SkillGroup",
                    group(name),
                    label_en if language == "en" else label_fr,
                    "",
                    "",
                    "released",
                    "",
                    "",
                    "",
                    "",
                    code,
                ]
                for name, (code, label_en, label_fr, _parent) in SKILL_GROUPS.items()
            ],
        )
        files[f"skills_{language}"] = (
            HEADERS["skills"],
            [
                [
                    "KnowledgeSkillCompetence",
                    skill(name),
                    kind,
                    reuse,
                    label_en if language == "en" else label_fr,
                    "\n".join(alt) if language == "en" else "",
                    "",
                    "released",
                    "",
                    "",
                    "",
                    "",
                    "",
                ]
                for name, (kind, reuse, label_en, label_fr, alt, _g, _b) in SKILLS.items()
                if language == "en" or label_fr
            ],
        )
    files["broaderRelationsOccPillar"] = (
        HEADERS["broader"],
        [
            ["ISCOGroup", isco(child), "ISCOGroup", isco(parent)]
            for child, parent in ISCO_PARENTS.items()
        ]
        + [
            ["Occupation", occ(name), "ISCOGroup", isco(values[0])]
            for name, values in OCCUPATIONS.items()
            if name not in OCCUPATION_BROADER
        ]
        + [
            ["Occupation", occ(name), "Occupation", occ(parent)]
            for name, parent in OCCUPATION_BROADER.items()
        ],
    )
    files["broaderRelationsSkillPillar"] = (
        HEADERS["broader"],
        [
            ["SkillGroup", group(name), "SkillGroup", group(parent)]
            for name, (_c, _e, _f, parent) in SKILL_GROUPS.items()
            if parent
        ]
        + [
            ["KnowledgeSkillCompetence", skill(name), "SkillGroup", group(g)]
            for name, values in SKILLS.items()
            for g in values[5]
        ]
        + [
            ["KnowledgeSkillCompetence", skill(name), "KnowledgeSkillCompetence", skill(b)]
            for name, values in SKILLS.items()
            for b in values[6]
        ],
    )
    files["occupationSkillRelations"] = (
        HEADERS["occupationSkillRelations"],
        [[occ(o), relation, SKILLS[s][0], skill(s)] for o, s, relation in OCCUPATION_SKILLS],
    )
    files["skillSkillRelations"] = (
        HEADERS["skillSkillRelations"],
        [
            [skill(a), SKILLS[a][0], relation, SKILLS[b][0], skill(b)]
            for a, b, relation in SKILL_RELATIONS
        ],
    )
    files["transversalSkillsCollection_en"] = (
        HEADERS["transversal"],
        [
            [
                "KnowledgeSkillCompetence",
                skill(name),
                SKILLS[name][0],
                SKILLS[name][1],
                SKILLS[name][2],
                "released",
                "",
                "",
                "",
                "",
            ]
            for name in TRANSVERSAL
        ],
    )
    return files


def write_release(directory, files, gz=False):
    """Write {stem: (header, rows)} as an ESCO-layout folder; return the folder."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    for stem, (header, rows) in files.items():
        _write(directory / stem, header, rows, gz)
    return directory


def write_tiny_release(directory, gz=False):
    return write_release(directory, tiny_release_rows(), gz=gz)


# A real subset ------------------------------------------------------------------------------

HEALTH_CARE_ASSISTANT = f"{ESCO}/occupation/d38c2107-98f2-47b7-8bb4-f69750d51082"


def _raw_rows(path):
    opener = gzip.open if path.name.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(handle)
        header = next(reader)
        return header, list(reader)


def write_real_subset(source, directory, occupation_uris, relation_types=("essential",)):
    """Cut from the official files in `source` the given occupations, their skills (of the
    given relation types), the groups and hierarchy above them; write them to `directory`.
    """
    source, directory = Path(source), Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    occupation_uris = set(occupation_uris)
    links_path = find_file(source, "occupationSkillRelations")
    header, rows = _raw_rows(links_path)
    o, r, s = header.index("occupationUri"), header.index("relationType"), header.index("skillUri")
    links = [row for row in rows if row[o] in occupation_uris and row[r] in relation_types]
    skill_uris = {row[s] for row in links}
    _write(directory / "occupationSkillRelations", header, links, gz=False)

    # Skill hierarchy: groups above the skills (and broader skills' groups).
    header, rows = _raw_rows(find_file(source, "broaderRelationsSkillPillar"))
    c, b = header.index("conceptUri"), header.index("broaderUri")
    parents = {}
    for row in rows:
        parents.setdefault(row[c], []).append(row)
    wanted, frontier = set(skill_uris), list(skill_uris)
    kept_rows = []
    while frontier:
        uri = frontier.pop()
        for row in parents.get(uri, ()):
            kept_rows.append(row)
            if row[b] not in wanted:
                wanted.add(row[b])
                frontier.append(row[b])
    _write(directory / "broaderRelationsSkillPillar", header, kept_rows, gz=False)
    skill_uris |= {uri for uri in wanted if "/skill/" in uri}

    header, rows = _raw_rows(find_file(source, "broaderRelationsOccPillar"))
    c, b = header.index("conceptUri"), header.index("broaderUri")
    parents = {row[c]: row for row in rows}
    isco_wanted, kept_rows = set(), []
    for uri in list(occupation_uris):
        while uri in parents:
            kept_rows.append(parents[uri])
            uri = parents[uri][b]
            if "/occupation/" in uri:
                occupation_uris.add(uri)
            else:
                isco_wanted.add(uri)
    _write(directory / "broaderRelationsOccPillar", header, kept_rows, gz=False)

    def cut(stem, column, uris):
        path = find_file(source, stem)
        file_header, file_rows = _raw_rows(path)
        index = file_header.index(column)
        _write(
            directory / stem,
            file_header,
            [row for row in file_rows if row[index] in uris],
            gz=False,
        )

    for language in ("en", "fr"):
        cut(f"occupations_{language}", "conceptUri", occupation_uris)
        cut(f"skills_{language}", "conceptUri", skill_uris)
        cut(f"ISCOGroups_{language}", "conceptUri", isco_wanted)
        cut(f"skillGroups_{language}", "conceptUri", wanted)
    cut("transversalSkillsCollection_en", "conceptUri", skill_uris)
    header, rows = _raw_rows(find_file(source, "skillSkillRelations"))
    a, z = header.index("originalSkillUri"), header.index("relatedSkillUri")
    _write(
        directory / "skillSkillRelations",
        header,
        [row for row in rows if row[a] in skill_uris and row[z] in skill_uris],
        gz=False,
    )
    return directory


def count_rows(path):
    return sum(1 for _ in read_csv(Path(path), []))
