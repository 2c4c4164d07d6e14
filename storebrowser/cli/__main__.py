import sys

from storebrowser.cli import main

sys.exit(main())
