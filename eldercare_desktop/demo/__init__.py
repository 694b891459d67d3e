"""Realistic generated residents for trying the application out (``eldercare demo``)."""
