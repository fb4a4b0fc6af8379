#!/usr/bin/env python3
"""Re-verify a Kompeten event export with nothing but Python's standard library.

    python3 verify_export.py EXPORT.ndjson [--complete] [--head SERVICE=HASH ...] [--json]

EXPORT.ndjson is what `npm run audit -- export` writes: one JSON object per line, a stored event
record plus the name of the service whose log it belongs to. For every record this script
recomputes

    hash = lowercase hex SHA-256( UTF-8( prevHash + JCS(E) ) )

where E is the record's hashed form (the ten fields below) and JCS is the JSON Canonicalization
Scheme of RFC 8785, implemented here from the RFC rather than taken from a library, so that the
check shares no code with the system it checks. Records of one service must come in position
order; where two are consecutive, the later one's prevHash must be the earlier one's hash.

  --complete         the export must be a whole log: positions 1, 2, 3 … without gaps, the first
                     linked to the genesis hash (64 zeros). Without it, a selection (--type,
                     --stream, --from/--to) is accepted: gaps are counted, not called breaks.
  --head S=HASH      the hash the service's last record must have (e.g. from `audit verify`, or a
                     value published earlier): this anchors the export to a known head.
  --json             print the report as JSON.

Exit status: 0 when every check passed, 1 when one failed, 2 on bad input.

Limits (see docs/audit/README.md): numbers are formatted as ECMAScript does (RFC 8785 section
3.2.2.3) from Python's shortest round-trip repr; integers beyond 2**53 are rounded to the nearest
double first, as JavaScript parses them. Strings are compared as UTF-16 code units for key order.
The export holds personal fields sealed (AES-GCM); they are hashed in that form and never opened.
"""
import argparse
import hashlib
import json
import sys

GENESIS = "0" * 64
HASHED_FIELDS = ("position", "eventId", "streamId", "streamVersion", "type", "schemaVersion",
                 "occurredAt", "recordedAt", "metadata", "payload")
ESCAPES = {0x22: '\\"', 0x5C: "\\\\", 0x08: "\\b", 0x0C: "\\f", 0x0A: "\\n", 0x0D: "\\r", 0x09: "\\t"}


def es_number(x):
    """A double as ECMAScript's Number.prototype.toString() writes it (RFC 8785, 3.2.2.3)."""
    if x != x or x in (float("inf"), float("-inf")):
        raise ValueError("NaN and Infinity are not JSON")
    if x == 0:
        return "0"
    if x < 0:
        return "-" + es_number(-x)
    mantissa, _, exp = repr(x).partition("e")
    int_part, _, frac = mantissa.partition(".")
    if frac == "0":
        frac = ""
    digits = (int_part + frac).lstrip("0")
    point = (int(exp) if exp else 0) - len(frac)  # x = int(digits) * 10**point
    stripped = digits.rstrip("0")
    point += len(digits) - len(stripped)
    s, k = stripped, len(stripped)
    n = point + k  # x = 0.s * 10**n, in the notation of ECMA-262 Number::toString
    if k <= n <= 21:
        return s + "0" * (n - k)
    if 0 < n <= 21:
        return s[:n] + "." + s[n:]
    if -6 < n <= 0:
        return "0." + "0" * (-n) + s
    e = n - 1
    sign = "+" if e >= 0 else "-"
    return (s if k == 1 else s[0] + "." + s[1:]) + "e" + sign + str(abs(e))


def es_string(text):
    out = ['"']
    for ch in text:
        c = ord(ch)
        if c in ESCAPES:
            out.append(ESCAPES[c])
        elif c < 0x20 or 0xD800 <= c <= 0xDFFF:  # control characters, lone surrogates
            out.append("\\u%04x" % c)
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def utf16_key(key):
    return key.encode("utf-16-be", "surrogatepass")


def canonical(value):
    """RFC 8785 JSON Canonicalization Scheme."""
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return str(value) if abs(value) < 2 ** 53 else es_number(float(value))
    if isinstance(value, float):
        return es_number(value)
    if isinstance(value, str):
        return es_string(value)
    if isinstance(value, list):
        return "[" + ",".join(canonical(v) for v in value) + "]"
    if isinstance(value, dict):
        members = sorted(value.items(), key=lambda kv: utf16_key(kv[0]))
        return "{" + ",".join(es_string(k) + ":" + canonical(v) for k, v in members) + "}"
    raise TypeError("not a JSON value: %r" % (value,))


def event_hash(prev_hash, record):
    form = {field: record[field] for field in HASHED_FIELDS}
    return hashlib.sha256((prev_hash + canonical(form)).encode("utf-8")).hexdigest()


class ServiceLog:
    def __init__(self, service, complete):
        self.service = service
        self.complete = complete
        self.records = 0
        self.first = None
        self.last = None
        self.head = None
        self.gaps = 0
        self.first_problem = None

    def problem(self, position, reason, detail):
        if self.first_problem is None:
            self.first_problem = {"position": position, "reason": reason, "detail": detail}

    def check(self, r):
        position = r["position"]
        recomputed = event_hash(r["prevHash"], r)
        if recomputed != r["hash"]:
            self.problem(position, "hash-mismatch", "recorded hash %s, recomputed %s" % (r["hash"], recomputed))
        if self.last is None:
            self.first = position
            if position == 1 and r["prevHash"] != GENESIS:
                self.problem(position, "prev-hash-mismatch", "position 1 must follow the genesis hash")
            elif position != 1 and self.complete:
                self.problem(1, "missing", "a complete log starts at position 1, this one at %d" % position)
        elif position <= self.last:
            self.problem(position, "out-of-order", "position %d after %d" % (position, self.last))
        elif position == self.last + 1:
            if r["prevHash"] != self.head:
                self.problem(position, "prev-hash-mismatch", "prevHash %s, hash of position %d %s" % (r["prevHash"], self.last, self.head))
        else:
            self.gaps += 1
            if self.complete:
                self.problem(self.last + 1, "missing", "position %d follows %d" % (position, self.last))
        self.records += 1
        self.last = position
        self.head = r["hash"]

    def finish(self, expected_head):
        if expected_head is not None and self.head != expected_head and self.first_problem is None:
            self.problem(self.last, "head-mismatch", "last hash %s, expected %s" % (self.head, expected_head))

    def report(self):
        return {"service": self.service, "records": self.records, "firstPosition": self.first, "lastPosition": self.last,
                "headHash": self.head, "gaps": self.gaps, "ok": self.first_problem is None, "firstProblem": self.first_problem}


def main(argv):
    parser = argparse.ArgumentParser(description="Re-verify a Kompeten NDJSON event export.")
    parser.add_argument("export")
    parser.add_argument("--complete", action="store_true")
    parser.add_argument("--head", action="append", default=[], metavar="SERVICE=HASH")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    heads = {}
    for h in args.head:
        service, sep, value = h.partition("=")
        if not sep:
            parser.error("--head takes SERVICE=HASH")
        heads[service] = value.lower()
    logs = {}
    try:
        with open(args.export, "r", encoding="utf-8") as lines:
            for number, line in enumerate(lines, 1):
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                    service = record.get("service", "-")
                    logs.setdefault(service, ServiceLog(service, args.complete)).check(record)
                except (ValueError, KeyError, TypeError) as e:
                    print("line %d: not an event record (%s)" % (number, e), file=sys.stderr)
                    return 2
    except OSError as e:
        print(e, file=sys.stderr)
        return 2
    for service in heads:
        logs.setdefault(service, ServiceLog(service, args.complete))
    for log in logs.values():
        log.finish(heads.get(log.service))
    reports = [log.report() for log in logs.values()]
    ok = all(r["ok"] for r in reports)
    if args.json:
        print(json.dumps({"ok": ok, "services": reports}, indent=2))
    else:
        for r in reports:
            span = "positions %s..%s" % (r["firstPosition"], r["lastPosition"]) if r["records"] else "no records"
            print("%s: %s, %d record(s), %s, %d gap(s), head %s" % (r["service"], "OK" if r["ok"] else "BROKEN", r["records"], span, r["gaps"], r["headHash"]))
            if r["firstProblem"]:
                p = r["firstProblem"]
                print("  first problem at position %s: %s (%s)" % (p["position"], p["reason"], p["detail"]))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
