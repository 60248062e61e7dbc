"""Reads undoc's CI reports with independent tools and checks what the Rust
test (tests/hostile_readers.rs) cannot check alone:

- the JUnit XML parses with junitparser and names each input exactly;
- the SARIF log is valid against the SARIF 2.1.0 JSON schema (jsonschema,
  with format checks: rfc3987 checks `uri` and `uri-reference`);
- every artifact URI is an RFC 3986 relative reference made only of
  unreserved characters, `/` and percent-encodings, with no query or
  fragment, and decodes to the path of an existing input.

Usage: python3 ci_reports_check.py JUNIT SARIF SCHEMA BASE_DIR
Prints one JSON object; exits 3 when a Python package is missing, 1 when a
check fails.
"""

import json
import os
import re
import sys
import urllib.parse

try:
    import jsonschema
    import junitparser
    import rfc3987  # noqa: F401 (enables jsonschema's uri format checks)
except ImportError as missing:
    print(json.dumps({"missing": missing.name}))
    sys.exit(3)

URI_REFERENCE = re.compile(r"^(?:[A-Za-z0-9\-._~/]|%[0-9A-F]{2})*$")


def junit_cases(path):
    suites = junitparser.JUnitXml.fromfile(path)
    cases = []
    for suite in suites:
        for case in suite:
            cases.append(
                {
                    "name": case.name,
                    "failures": [r.message for r in case.result],
                    "text": [r.text for r in case.result],
                }
            )
    return cases


def sarif_uris(path, schema_path, base):
    with open(path, encoding="utf-8") as f:
        log = json.load(f)
    with open(schema_path, encoding="utf-8") as f:
        schema = json.load(f)
    validator = jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker())
    errors = [e.message for e in validator.iter_errors(log)]
    uris = []
    for result in log["runs"][0]["results"]:
        for location in result["locations"]:
            uri = location["physicalLocation"]["artifactLocation"]["uri"]
            parts = urllib.parse.urlsplit(uri)
            if not URI_REFERENCE.match(uri) or parts.scheme or parts.query or parts.fragment:
                errors.append(f"not a plain relative URI reference: {uri!r}")
            target = os.path.join(os.fsencode(base), urllib.parse.unquote_to_bytes(uri))
            if not os.path.isfile(target):
                errors.append(f"{uri!r} names no input file")
            uris.append(uri)
    return uris, errors


def main(junit, sarif, schema, base):
    cases = junit_cases(junit)
    uris, errors = sarif_uris(sarif, schema, base)
    print(json.dumps({"junit": cases, "sarif_uris": uris, "sarif_errors": errors}))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:5]))
