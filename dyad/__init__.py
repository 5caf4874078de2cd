"""Dyad: dated, evidence-linked relations between states from Russian news."""
__version__ = "0.1.0"
