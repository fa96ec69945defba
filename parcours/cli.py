"""The `parcours` console script.

It is Django's management utility under another name: every management command of every app is
a `parcours` command (`parcours taxonomy import`, `parcours goals check`, `parcours migrate`).
Only the help differs: Parcours's own commands come first, each with its one-line summary.
"""

import os
import sys


def main(argv=None):
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "parcours.settings")
    from django.core.management import ManagementUtility

    class ParcoursUtility(ManagementUtility):
        def main_help_text(self, commands_only=False):
            from django.core.management import get_commands, load_command_class

            from core.discovery import project_apps

            commands = get_commands()
            parcours_apps = {config.name for config in project_apps()}
            if commands_only:
                return "\n".join(sorted(commands))
            own = sorted(name for name, app in commands.items() if app in parcours_apps)
            others = sorted(name for name, app in commands.items() if app not in parcours_apps)
            lines = [
                "Usage: parcours <command> [options]",
                "",
                "Parcours commands:",
            ]
            for name in own:
                summary = load_command_class(commands[name], name).help.strip().split("\n")[0]
                lines.append(f"  {name:<14} {summary}")
            lines += [
                "",
                "Django commands (also available):",
                "  " + ", ".join(others),
                "",
                "Run 'parcours <command> --help' for a command's options.",
            ]
            return "\n".join(lines)

    argv = list(sys.argv if argv is None else argv)
    argv[0] = "parcours"
    ParcoursUtility(argv).execute()


if __name__ == "__main__":
    main()
