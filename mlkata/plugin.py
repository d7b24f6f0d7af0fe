"""The pytest plugin, registered as the ``mlkata`` entry point (``-p mlkata.plugin``).

Its home is :mod:`mlkata.engine.plugin`; this public name is what pytest, graders and
nbgrader notebooks load.
"""

from mlkata.engine.plugin import *  # noqa: F403
from mlkata.engine.plugin import __all__  # noqa: F401
