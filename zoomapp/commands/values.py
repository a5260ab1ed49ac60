"""Argument values checked as they are parsed, each refused in one line that says what to
write instead."""

from __future__ import annotations

import argparse


def country(value: str) -> str:
    if len(value) != 2 or not value.isascii() or not value.isalpha():
        raise argparse.ArgumentTypeError(
            f"--country needs a two-letter country code like GB or US, got '{value}'"
        )
    return value.upper()


def count(value: str) -> int:
    if not (value.isascii() and value.isdigit()) or int(value) < 1:
        raise argparse.ArgumentTypeError(f"-n needs a whole number of entries, got '{value}'")
    return int(value)


def port(value: str) -> int:
    if not (value.isascii() and value.isdigit()) or not 0 <= int(value) <= 65535:
        raise argparse.ArgumentTypeError(f"--port needs a number from 1 to 65535, got '{value}'")
    return int(value)


def weeks(value: str) -> int:
    if not (value.isascii() and value.isdigit()) or not 1 <= int(value) <= 520:
        raise argparse.ArgumentTypeError(f"--weeks needs a number from 1 to 520, got '{value}'")
    return int(value)


def minutes(value: str) -> float:
    try:
        found = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"--minutes needs a number, got '{value}'") from None
    if not 0.1 <= found <= 180:
        raise argparse.ArgumentTypeError(f"--minutes must be from 0.1 to 180, got {value}")
    return found
