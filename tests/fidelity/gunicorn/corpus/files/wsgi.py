import os
import sys
import time


def application(environ, start_response):
    path = environ["PATH_INFO"]
    if path == "/boom":
        raise RuntimeError("kaboom in " + path)
    if path == "/print":
        print("printed from the app", environ["QUERY_STRING"])
        print("and to stderr", file=sys.stderr)
    if path == "/sleep":
        time.sleep(5)
    if path == "/osenv":
        start_response("200 OK", [("Content-Type", "text/plain")])
        return [("GREETING=%s\n" % os.environ.get("GREETING")).encode()]
    if path == "/missing":
        start_response("404 NOT FOUND", [("Content-Type", "text/plain")])
        return [b"no such page\n"]
    facts = [
        environ["REQUEST_METHOD"],
        path,
        environ["QUERY_STRING"],
        environ["SERVER_PROTOCOL"],
        environ["SERVER_SOFTWARE"],
        environ.get("REMOTE_ADDR", ""),
        environ.get("SCRIPT_NAME", ""),
        str(environ["wsgi.multithread"]),
        str(environ["wsgi.multiprocess"]),
        environ["wsgi.url_scheme"],
    ]
    body = environ["wsgi.input"].read(int(environ.get("CONTENT_LENGTH") or 0))
    start_response("200 OK", [("Content-Type", "text/plain"), ("X-Shiplab", "yes")])
    return [" ".join(facts).encode() + b" " + body + b"\n"]


app = application


def make_app(greeting, punctuation="!"):
    def made(environ, start_response):
        start_response("200 OK", [("Content-Type", "text/plain")])
        return [(greeting + punctuation + "\n").encode()]

    return made
