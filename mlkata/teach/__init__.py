"""For teachers: nbgrader courses built from the katas, and their hidden tests."""
