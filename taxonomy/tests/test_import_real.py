"""The import of the real ESCO v1.1.1 files (settings.PARCOURS_ESCO_DIR)."""

from unittest import mock

import pytest
from django.conf import settings

from taxonomy.importer import import_esco
from taxonomy.models import (
    IscoGroup,
    Occupation,
    OccupationSkill,
    Skill,
    SkillGroup,
    SkillRelation,
)


@pytest.mark.slow
@pytest.mark.django_db
def test_it_imports_the_real_esco_files():
    # The search index is rebuilt by its own tests; here only the import is measured.
    with mock.patch("taxonomy.importer.rebuild_search_index"):
        record, _release = import_esco(settings.PARCOURS_ESCO_DIR, show_progress=False)
    assert Occupation.objects.count() == 3007
    assert Skill.objects.count() == 13896
    # 123,855 rows, of which 67 name occupations absent from the occupation files.
    assert OccupationSkill.objects.count() == 123788
    # 5,899 rows, one of which relates a skill to itself (skipped).
    assert SkillRelation.objects.count() == 5898
    assert IscoGroup.objects.count() == 619
    assert SkillGroup.objects.count() == 640
    assert Skill.objects.filter(label_fr="").count() == 512
    assert Skill.objects.filter(is_transversal=True).count() == 96
    assert not Skill.objects.filter(top_group__isnull=True, groups__isnull=False).exists()
    healthcare = Occupation.objects.get(label_en="healthcare assistant")
    assert healthcare.isco_group.code == "5321"
    assert healthcare.skill_links.filter(relation_type="essential").count() == 32
    assert record.changes["occupations"]["created"] == 3007
