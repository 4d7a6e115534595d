"""Tests of the health report."""
