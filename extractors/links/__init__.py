"""Linked facts: what each amount and percentage measures, the period it belongs to, whether it is
a level or a change, and a rate's denominator (ANNOTATION "Linked facts"). linker.py runs them."""
from extractors.links.linker import link_figures

__all__ = ["link_figures"]
