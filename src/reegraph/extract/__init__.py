"""Ingest stages as plain functions: clean -> sentences -> entities -> relations -> resolution."""
