#!/usr/bin/env python3
"""chDB (in-process current ClickHouse) behind a line protocol, for test/support/chdb-runner.ts.

One request per stdin line, one response per stdout line, in order:
  {"id": 1, "op": "command", "sql": "..."}                    -> {"id": 1, "rows": []}
  {"id": 2, "op": "query", "sql": "SELECT ..."}               -> {"id": 2, "rows": [{...}, ...]}
  {"id": 3, "op": "insert", "table": "db.t", "rows": [{...}]} -> {"id": 3, "rows": []}
  any failure                                                  -> {"id": n, "error": "Code: 46. DB::Exception: ..."}
The session lives in a temporary directory (argv[1] when given) that is removed at end of input.
"""
import json
import shutil
import sys
import tempfile

from chdb import session

# Like the ClickHouse HTTP server's default for JSON formats: 64-bit integers arrive as strings,
# so callers treat both engines the same way (Number(...)).
SESSION_SETTINGS = ["SET output_format_json_quote_64bit_integers = 1"]


def parse_rows(text):
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def handle(sess, request):
    op = request.get("op")
    if op == "command":
        sess.query(request["sql"])
        return []
    if op == "query":
        return parse_rows(sess.query(request["sql"], "JSONEachRow").bytes().decode("utf-8"))
    if op == "insert":
        rows = request.get("rows") or []
        if rows:
            body = "\n".join(json.dumps(row, ensure_ascii=False) for row in rows)
            sess.query(f"INSERT INTO {request['table']} FORMAT JSONEachRow\n{body}")
        return []
    raise ValueError(f"unknown op {op!r}")


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else tempfile.mkdtemp(prefix="wsdiag-chdb-")
    sess = session.Session(path)
    try:
        for statement in SESSION_SETTINGS:
            sess.query(statement)
        for line in sys.stdin:
            if not line.strip():
                continue
            request = json.loads(line)
            try:
                response = {"id": request.get("id"), "rows": handle(sess, request)}
            except Exception as error:  # the engine's message goes back to the caller verbatim
                response = {"id": request.get("id"), "error": str(error) or type(error).__name__}
            sys.stdout.write(json.dumps(response, ensure_ascii=False) + "\n")
            sys.stdout.flush()
    finally:
        sess.close()
        shutil.rmtree(path, ignore_errors=True)


if __name__ == "__main__":
    main()
