"""The upstream both nginxes proxy to: it answers with what it received.

The reply is JSON (sorted keys) naming the method, the raw request URI, the
decoded path, the query, the body length and the headers nginx sets or passes
(Host, X-Forwarded-For, X-Real-IP, X-Forwarded-Proto, Connection). Query
parameters starting with an underscore change the answer, whatever the path,
so any proxied location can ask for them:

  _status=404       answer with that status
  _location=/x      add a Location header (with _status=302 a redirect)
  _header=X-A:1     add a response header (repeatable)
  _sleep=2          wait that many seconds first (for proxy_read_timeout)
  _raise=1          raise an exception (Gunicorn answers with its own 500 page)
  _pad=100000       add a "pad" field of that many characters (a large answer)
  _text=1           answer text/plain: one "key: value" line per field
"""
import json
import time
from urllib.parse import parse_qsl

REASONS = {200: "OK", 201: "Created", 204: "No Content", 301: "Moved Permanently", 302: "Found",
           304: "Not Modified", 400: "Bad Request", 403: "Forbidden", 404: "Not Found",
           500: "Internal Server Error", 502: "Bad Gateway", 503: "Service Unavailable"}

ECHOED_HEADERS = {
    "host": "HTTP_HOST",
    "x_forwarded_for": "HTTP_X_FORWARDED_FOR",
    "x_real_ip": "HTTP_X_REAL_IP",
    "x_forwarded_proto": "HTTP_X_FORWARDED_PROTO",
    "x_custom": "HTTP_X_CUSTOM",
    "connection": "HTTP_CONNECTION",
}


def app(environ, start_response):
    length = int(environ.get("CONTENT_LENGTH") or 0)
    body = environ["wsgi.input"].read(length) if length else b""
    pairs = parse_qsl(environ.get("QUERY_STRING", ""))
    controls = dict(pairs)

    received = {
        "method": environ["REQUEST_METHOD"],
        "uri": environ.get("RAW_URI"),
        "path": environ.get("PATH_INFO"),
        "query": environ.get("QUERY_STRING"),
        "body_length": len(body),
    }
    for key, name in ECHOED_HEADERS.items():
        received[key] = environ.get(name)

    if "_sleep" in controls:
        time.sleep(float(controls["_sleep"]))

    if "_raise" in controls:
        raise RuntimeError("the app failed on purpose")
    if "_pad" in controls:
        received["pad"] = "x" * int(controls["_pad"])

    status = int(controls.get("_status", "200"))
    if "_text" in controls:
        payload = "".join(f"{key}: {received[key]}\n" for key in sorted(received)).encode()
        content_type = "text/plain; charset=utf-8"
    else:
        payload = (json.dumps(received, sort_keys=True) + "\n").encode()
        content_type = "application/json"
    headers = [("Content-Type", content_type), ("Content-Length", str(len(payload)))]
    if "_location" in controls:
        headers.append(("Location", controls["_location"]))
    for key, header in pairs:
        if key == "_header":
            name, _, value = header.partition(":")
            headers.append((name, value))
    start_response(f"{status} {REASONS.get(status, 'Unknown')}", headers)
    return [payload]
