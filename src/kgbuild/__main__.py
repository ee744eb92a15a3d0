"""``python -m kgbuild`` runs the command line."""

from kgbuild.cli import main

main()
