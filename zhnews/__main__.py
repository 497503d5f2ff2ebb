"""`python -m zhnews …` runs the command line, for environments without the
`zhnews` script on PATH (a venv not activated, a zipapp, `pipx run`)."""

import sys

from .cli import main

sys.exit(main())
