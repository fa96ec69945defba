"""Saving a job application with a pasted posting: how long the person waits, and the worker.

    .venv/bin/python bench/job_application_save.py [--runs 5]

Signs in a throwaway person on the default database (it must hold the ESCO import, like the
other benches; the person and their applications are deleted at the end), posts the
application form with a real-length posting in English and in French, and prints:

- the save itself (POST /jobs/new/ until the redirect): extraction is queued, not run;
- the detail page the redirect leads to, while the skills are pending;
- the background detection (jobs.tasks.detect_posting_skills, what `parcours worker` runs),
  which is also what a save cost before it moved to the background.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

POSTINGS = {
    "en": """Care aide (evenings), Riverside Residence

About us: Riverside is a non-profit long-term care home with 120 residents. We offer a pension
plan, group insurance and free parking.

What you will do:
- Help residents with bathing, dressing, eating and moving around safely.
- Monitor residents' vital signs and report changes to the nurse on duty.
- Keep accurate notes in each resident's file.
- Support residents living with dementia with patience and respect.
- Work with the nursing team, families and volunteers; plan small group activities.

What you bring:
- A personal support worker certificate or equivalent experience.
- First aid and CPR certification.
- Good communication skills in English; French is an asset.
- Able to lift 20 kg and to work evenings and every other weekend.
""",
    "fr": """Préposé(e) aux bénéficiaires, soir, CHSLD des Rivières

Le CHSLD des Rivières accueille 120 résidents. Nous offrons un régime de retraite, des
assurances collectives et le stationnement gratuit.

Tes tâches :
- Aider les résidents à se laver, à s'habiller, à manger et à se déplacer en sécurité.
- Prendre les signes vitaux et signaler tout changement à l'infirmière.
- Consigner les soins au dossier de chaque résident.
- Accompagner les personnes atteintes de démence avec patience et respect.
- Travailler avec l'équipe de soins, les familles et les bénévoles.

Profil recherché :
- DEP en assistance à la personne en établissement de santé.
- Cours de secourisme et RCR à jour.
- Bonne communication en français; l'anglais est un atout.
- Capacité à soulever 20 kg, disponibilité le soir et une fin de semaine sur deux.
""",
}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    options = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "parcours.settings")
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.test import Client
    from django.test.utils import setup_test_environment

    from jobs import tasks
    from jobs.models import Application
    from jobs.tasks import detect_posting_skills
    from taxonomy import search
    from taxonomy.models import Skill

    if not Skill.objects.exists():
        sys.exit("The default database holds no ESCO import: run `parcours taxonomy import`.")
    setup_test_environment()
    search.warm_up()  # `parcours serve` and the worker do it once at start
    person = get_user_model().objects.create_user(
        email=f"bench-{os.getpid()}@example.org", password="not-used-bench"
    )
    client = Client()
    client.force_login(person)
    client.get("/jobs/new/")  # a served process has imported the views and forms already
    print(f"CPU cores: {os.cpu_count()}, load average: {os.getloadavg()[0]:.1f}\n")
    columns = ("save (ms)", 22), ("page, pending (ms)", 20), ("detection (s)", 15), ("skills", 7)
    print(f"{'lang':<5}" + "".join(f" {name:>{width}}" for name, width in columns))
    try:
        for lang, posting in POSTINGS.items():
            saves, pages, detections, found = [], [], [], 0
            for run in range(options.runs):
                started = time.perf_counter()
                response = client.post(
                    "/jobs/new/",
                    {
                        "title": f"Bench {run}",
                        "organisation": "Bench",
                        "posting_text": posting,
                        "posting_language": lang,
                        "status": "saved",
                    },
                )
                saves.append(time.perf_counter() - started)
                assert response.status_code == 302, response.status_code
                started = time.perf_counter()
                client.get(response["Location"])
                pages.append(time.perf_counter() - started)
                application = Application.objects.filter(user=person).latest("pk")
                assert tasks.detection_pending(application)
                started = time.perf_counter()
                found = detect_posting_skills.call(application.pk)
                detections.append(time.perf_counter() - started)
            print(
                f"{lang:<5} {_summary(saves, 1000):>22} {_summary(pages, 1000):>20} "
                f"{_summary(detections, 1, '.2f'):>15} {found:>7}"
            )
    finally:
        from django_tasks_db.models import DBTaskResult

        ids = list(Application.objects.filter(user=person).values_list("pk", flat=True))
        for pk in ids:
            DBTaskResult.objects.filter(args_kwargs__args=[pk]).delete()
        person.delete()
    print("\n(median, and the slowest of the runs.)")
    print(f"Load average at the end: {os.getloadavg()[0]:.1f} (2 cores).")


def _summary(values, scale, form=".0f"):
    return f"{statistics.median(values) * scale:{form}} (max {max(values) * scale:{form}})"


if __name__ == "__main__":
    main()
