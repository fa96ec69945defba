"""What the taxonomy app puts in a person's export (core.portability): their skills, the
evidence for them and their target occupations. ESCO concepts are a shared catalogue: records
point at them by URI, so a file moves between instances whose database ids differ."""

from core.portability import Collection, Reference

REFERENCES = [Reference(app_label="taxonomy", field="uri", source="ESCO")]

SECTIONS = [
    Collection("skills", "taxonomy.UserSkill"),
    Collection("skill_evidence", "taxonomy.SkillEvidence"),
    Collection("targets", "taxonomy.TargetOccupation"),
]
