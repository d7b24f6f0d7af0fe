"""The one error of the course builder, raised by each of its steps."""


class CourseError(ValueError):
    """The course cannot be built; ``str(self)`` is one line for the teacher."""
