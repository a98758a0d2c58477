"""Benchmarks: synthetic high-rise networks, timing scripts and the TaskJuggler cross-check."""
