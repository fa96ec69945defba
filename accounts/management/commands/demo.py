from django.core.management.base import BaseCommand

from accounts.demo import DEMO_PASSWORD
from core.demo import load_demo


class Command(BaseCommand):
    help = "Load the demo people and their data (safe to run again)."

    def handle(self, *args, **options):
        people = load_demo()
        self.stdout.write(f"Demo people (password: {DEMO_PASSWORD}):")
        for role, user in people.items():
            self.stdout.write(f"  {role:<8} {user.email}")
