"""The grading core, shared by every audience: layout, curriculum, loading the code
under test, the pytest plugin, the supervised runner and the progress store."""
