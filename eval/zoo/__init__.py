"""Generators of the evaluation zoo: Thai municipal websites built by other hands, each on one real pattern."""
