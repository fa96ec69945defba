"""core.discovery: what each installed app contributes, found by a module's name."""

from django.apps import apps
from django.test import SimpleTestCase

from core import discovery
from core.discovery import app_modules


class AppModulesTests(SimpleTestCase):
    def test_it_finds_a_module_by_name_and_attribute(self):
        self.assertEqual(app_modules("discovery", "app_modules"), [discovery])

    def test_it_leaves_out_a_module_without_the_attribute(self):
        self.assertEqual(app_modules("discovery", "no_such_attribute"), [])

    def test_it_leaves_out_apps_without_the_module(self):
        self.assertEqual(app_modules("no_such_module", "anything"), [])

    def test_it_visits_the_apps_in_installed_order(self):
        found = [module.__name__ for module in app_modules("apps", "__name__")]
        expected = [f"{config.name}.apps" for config in apps.get_app_configs()]
        self.assertEqual(found, [name for name in expected if name in found])
        self.assertGreater(len(found), 3)


class ProjectAppsTests(SimpleTestCase):
    def test_it_lists_the_projects_own_apps_only(self):
        names = [config.name for config in discovery.project_apps()]
        self.assertIn("core", names)
        self.assertNotIn("django.contrib.auth", names)
        self.assertNotIn("ninja", names)
        every = [config.name for config in apps.get_app_configs()]
        self.assertEqual(names, [name for name in every if name in names])
