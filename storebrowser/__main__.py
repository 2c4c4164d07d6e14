import sys

from storebrowser.app import main

sys.exit(main())
