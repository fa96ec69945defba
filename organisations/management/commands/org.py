"""`parcours org …`: an organisation's administration from the command line.

Each sub-command calls the same domain function as the page and the API. Commands that act
in the organisation's name act as one of its administrators (`--as EMAIL`, default: its first
administrator), so the same rules hold.
"""

import datetime
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from accounts.models import User
from organisations import cycles, framework, mapping, modelfile, people
from organisations.models import CompetencyModel, Cycle, Membership, Organisation, Role, Team
from organisations.people import OrgError


def _date(value):
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"Expected a date written YYYY-MM-DD, not {value!r}.") from None


class Command(BaseCommand):
    help = "Organisations: people, competency models (import/export), development cycles."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", metavar="ACTION", required=True)

        def command(name, text, org=True):
            p = sub.add_parser(name, help=text, description=text)
            if org:
                p.add_argument("--org", required=True, metavar="SLUG", help="The organisation.")
                p.add_argument(
                    "--as",
                    dest="as_email",
                    metavar="EMAIL",
                    help="Act as this administrator (default: the first administrator).",
                )
            return p

        command("list", "List the organisations and their number of members.", org=False)
        p = command("create", "Create an organisation with its first administrator.", org=False)
        p.add_argument("--name", required=True)
        p.add_argument("--slug", default="")
        p.add_argument("--admin", required=True, metavar="EMAIL", help="An existing account.")

        command("members", "List the active members: name, email, role, team, job role.")

        p = command("invite", "Invite someone by email and print the invitation link.")
        p.add_argument("--email", required=True)
        p.add_argument("--role", choices=Role.values, default=Role.MEMBER)
        p.add_argument("--team", default="", help="A team's name.")
        p.add_argument("--no-email", action="store_true", help="Print the link, send nothing.")

        p = command("team", "Create a team.")
        p.add_argument("--name", required=True)

        p = command("set-member", "Change a member's role, team or current job role.")
        p.add_argument("--email", required=True)
        p.add_argument("--role", choices=Role.values)
        p.add_argument("--team", help="A team's name ('' for none).")
        p.add_argument("--job-role", metavar="CODE", help="A job role's code ('' for none).")

        p = command("propose-manager", "Propose a manager for a report (the report accepts).")
        p.add_argument("--manager", required=True, metavar="EMAIL")
        p.add_argument("--report", required=True, metavar="EMAIL")

        p = command(
            "import-model",
            "Import a competency model (CSV or JSON): a new one, or a new version by its code.",
        )
        p.add_argument("--input", required=True, help="The file ('-' for stdin).")
        p.add_argument("--format", choices=["csv", "json"], help="Default: from the file name.")
        p.add_argument("--dry-run", action="store_true", help="Check and preview; write nothing.")

        p = command("export-model", "Export a competency model as CSV or JSON.")
        p.add_argument("--model", required=True, metavar="CODE")
        p.add_argument("--output", required=True, help="The file ('-' for stdout).")
        p.add_argument("--format", choices=["csv", "json"], help="Default: from the file name.")

        p = command(
            "suggest-esco",
            "Suggest ESCO skills for the competencies without any (an administrator confirms "
            "them on the competency's page).",
        )
        p.add_argument("--model", required=True, metavar="CODE")

        p = command("open-cycle", "Open a development cycle.")
        p.add_argument("--name", required=True)
        p.add_argument("--starts", required=True, metavar="YYYY-MM-DD")
        p.add_argument("--self-due", required=True, metavar="YYYY-MM-DD")
        p.add_argument("--manager-due", required=True, metavar="YYYY-MM-DD")
        p.add_argument("--ends", required=True, metavar="YYYY-MM-DD")

        p = command("completion", "A cycle's completion per team (counts only).")
        p.add_argument("--cycle", required=True, type=int, metavar="ID")

    def handle(self, *args, action, **options):
        handler = getattr(self, "do_" + action.replace("-", "_"))
        try:
            handler(options)
        except OrgError as error:
            raise CommandError(str(error)) from error

    # Helpers ----------------------------------------------------------------------------------

    def _org(self, options):
        organisation = Organisation.objects.filter(slug=options["org"]).first()
        if organisation is None:
            raise CommandError(f"No organisation {options['org']!r}: see `parcours org list`.")
        return organisation

    def _admin(self, options):
        organisation = self._org(options)
        admins = Membership.objects.active().filter(organisation=organisation, role=Role.ADMIN)
        if options.get("as_email"):
            admins = admins.filter(user__email__iexact=options["as_email"])
        admin = admins.select_related("organisation", "user").order_by("joined_at", "id").first()
        if admin is None:
            raise CommandError(f"No such administrator of {organisation.slug!r}.")
        return admin

    def _user(self, email):
        user = User.objects.filter(email__iexact=email.strip()).first()
        if user is None:
            raise CommandError(f"No account with the email {email!r}.")
        return user

    def _team(self, admin, name):
        if not name:
            return None
        team = Team.objects.filter(organisation_id=admin.organisation_id, name=name).first()
        if team is None:
            raise CommandError(f"No team {name!r}: create it with `parcours org team`.")
        return team

    def _model(self, organisation, code):
        model = CompetencyModel.objects.filter(organisation=organisation, code=code).first()
        if model is None:
            raise CommandError(f"No competency model {code!r} in {organisation.slug!r}.")
        return model

    # Sub-commands -----------------------------------------------------------------------------

    def do_list(self, options):
        from django.db.models import Count, Q

        rows = Organisation.objects.annotate(
            members=Count("memberships", filter=Q(memberships__left_at__isnull=True))
        )
        for organisation in rows:
            self.stdout.write(f"{organisation.slug}\t{organisation.name}\t{organisation.members}")

    def do_create(self, options):
        organisation = people.create_organisation(
            self._user(options["admin"]), options["name"], options["slug"]
        )
        self.stdout.write(f"Created {organisation.slug}.")

    def do_members(self, options):
        admin = self._admin(options)
        rows = (
            Membership.objects.active()
            .filter(organisation_id=admin.organisation_id)
            .select_related("user", "team", "job_role")
            .order_by("user__display_name")
        )
        for m in rows:
            self.stdout.write(
                "\t".join(
                    [
                        m.user.display_name,
                        m.user.email,
                        m.role,
                        m.team.name if m.team else "",
                        m.job_role.code if m.job_role else "",
                    ]
                )
            )

    def do_invite(self, options):
        admin = self._admin(options)
        invitation, raw = people.invite(
            admin,
            options["email"],
            options["role"],
            self._team(admin, options["team"]),
            send=not options["no_email"],
        )
        self.stdout.write(f"Invited {invitation.email}: {people.invitation_url(raw)}")

    def do_team(self, options):
        team = people.create_team(self._admin(options), options["name"])
        self.stdout.write(f"Created the team {team.name}.")

    def do_set_member(self, options):
        from organisations.models import JobRole

        admin = self._admin(options)
        member = (
            Membership.objects.active()
            .filter(organisation_id=admin.organisation_id, user__email__iexact=options["email"])
            .first()
        )
        if member is None:
            raise CommandError(f"{options['email']} is not a member.")
        changes = {}
        if options["role"]:
            changes["role"] = options["role"]
        if options["team"] is not None:
            changes["team"] = self._team(admin, options["team"])
        if options["job_role"] is not None:
            changes["job_role"] = None
            if options["job_role"]:
                changes["job_role"] = (
                    JobRole.objects.filter(
                        model__organisation_id=admin.organisation_id, code=options["job_role"]
                    )
                    .select_related("model")
                    .first()
                )
                if changes["job_role"] is None:
                    raise CommandError(f"No job role {options['job_role']!r}.")
        people.update_member(admin, member, **changes)
        self.stdout.write(f"Saved {member.user.email}.")

    def do_propose_manager(self, options):
        link = people.propose_link(
            self._admin(options), self._user(options["manager"]), self._user(options["report"])
        )
        self.stdout.write(f"Proposed: {link.manager} manages {link.report} once accepted.")

    def do_import_model(self, options):
        organisation = self._org(options)
        source = options["input"]
        try:
            stdin = getattr(sys.stdin, "buffer", sys.stdin)
            raw = stdin.read() if source == "-" else Path(source).read_bytes()
        except OSError as error:
            raise CommandError(f"Cannot read {source}: {error.strerror}.") from error
        try:
            document = modelfile.read(raw, options["format"], source)
            preview = framework.preview(organisation, document)
            if preview.problems:
                raise modelfile.ImportProblems(preview.problems)
            if not options["dry_run"]:
                framework.apply(organisation, document)
        except modelfile.ImportProblems as error:
            lines = "\n".join(f"  {p.message}" for p in error.problems)
            raise CommandError(f"{source}: nothing was imported.\n{lines}") from error
        counts = ", ".join(f"{value} {key}" for key, value in preview.counts.items())
        verb = "Would import" if options["dry_run"] else "Imported"
        state = "new model" if preview.is_new else "new version"
        self.stdout.write(f"{verb} {document.code} ({state}): {counts}.")
        if not preview.is_new:
            for kind in ("competencies", "roles"):
                for change in ("added", "changed", "removed"):
                    codes = getattr(preview, change)[kind]
                    if codes:
                        self.stdout.write(f"  {kind} {change}: {', '.join(map(str, codes))}")

    def do_export_model(self, options):
        organisation = self._org(options)
        model = self._model(organisation, options["model"])
        target = options["output"]
        file_format = options["format"] or ("csv" if target.lower().endswith(".csv") else "json")
        content = modelfile.write(framework.export_document(model), file_format)
        if target == "-":
            self.stdout.write(content, ending="")
            return
        try:
            Path(target).write_text(content, encoding="utf-8")
        except OSError as error:
            raise CommandError(f"Cannot write {target}: {error.strerror}.") from error
        self.stdout.write(f"Exported {model.code} to {target}.")

    def do_suggest_esco(self, options):
        admin = self._admin(options)
        model = self._model(admin.organisation, options["model"])
        for competency in model.competencies.filter(mappings__isnull=True):
            found = mapping.suggest(admin, competency)
            labels = ", ".join(skill.label_en for skill in found) or "nothing found"
            self.stdout.write(f"{competency.code}: {labels}")

    def do_open_cycle(self, options):
        cycle = cycles.open_cycle(
            self._admin(options),
            options["name"],
            _date(options["starts"]),
            _date(options["self_due"]),
            _date(options["manager_due"]),
            _date(options["ends"]),
        )
        self.stdout.write(f"Opened the cycle {cycle.pk}: {cycle.name}.")

    def do_completion(self, options):
        admin = self._admin(options)
        cycle = Cycle.objects.filter(organisation_id=admin.organisation_id, pk=options["cycle"])
        if not cycle.exists():
            raise CommandError(f"No cycle {options['cycle']} in {admin.organisation.slug!r}.")
        rows, total = cycles.completion(admin, cycle.get())
        self.stdout.write("team\tmembers\twith manager\tself-reviews\tmanager reviews\tmet")
        for row in [*rows, total]:
            self.stdout.write(
                f"{row.team}\t{row.members}\t{row.with_manager}\t{row.self_reviews}\t"
                f"{row.manager_reviews}\t{row.conversations}"
            )
