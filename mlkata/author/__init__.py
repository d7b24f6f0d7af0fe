"""For maintainers writing katas: stubs from solutions, mutants and variants, and the
``mlkata dev`` commands."""
