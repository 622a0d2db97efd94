import inspect
import re

from shiplab_check import call_wsgi, check, fail, load_module

EXPECTED_BODY = b"Hello, World!"


def application():
    return load_module("app.py").application


def one_request():
    return call_wsgi(application(), method="GET", path="/")


@check("app.py defines `application`")
def defines_application():
    module = load_module("app.py")
    if hasattr(module, "application"):
        return
    functions = [name for name, value in vars(module).items() if inspect.isfunction(value) and not name.startswith("_")]
    if functions:
        fail(
            f"app.py defines {', '.join(f'`{name}`' for name in functions)} but no `application`. "
            "WSGI servers look for that exact name: rename your function to `application`."
        )
    fail("app.py has no `application`. Define it with `def application(environ, start_response):`.")


@check("`application` takes environ and start_response", requires=defines_application)
def takes_two_parameters():
    app = application()
    if not callable(app):
        fail(
            f"`application` is a {type(app).__name__}, not something the server can call. "
            "Define it with `def application(environ, start_response):`."
        )
    try:
        inspect.signature(app).bind({}, lambda status, headers: None)
    except TypeError:
        parameters = list(inspect.signature(app).parameters)
        fail(
            f"`application` takes ({', '.join(parameters)}), but the server calls it with two arguments: "
            "`def application(environ, start_response):`."
        )
    except ValueError:
        pass


@check("it calls start_response once", requires=takes_two_parameters)
def calls_start_response():
    call = one_request()
    calls = call.start_response_calls
    if not calls:
        fail(
            "`application` never calls start_response, so the server has no status line to send. "
            "Call `start_response('200 OK', [('Content-Type', 'text/plain; charset=utf-8')])` before returning."
        )
    if len(calls) > 1 and all(exc_info is None for _, _, exc_info in calls[1:]):
        fail(f"`application` calls start_response {len(calls)} times; call it exactly once per request.")


@check("the status line and headers are well-formed", requires=calls_start_response)
def status_and_headers_are_well_formed():
    call = one_request()
    status, headers = call.status, call.headers
    if not isinstance(status, str):
        fail(
            f"The status is {status!r} (a {type(status).__name__}); WSGI wants a string with the code "
            "and its reason phrase: '200 OK'."
        )
    if not re.fullmatch(r"\d{3} \S.*", status):
        fail(f"The status {status!r} is not of the form '200 OK': three digits, a space, then the reason phrase.")
    if not status.startswith("200"):
        fail(f"The status is {status!r}; a page that works answers '200 OK'.")
    if isinstance(headers, dict):
        fail("The headers are a dict; WSGI wants a list of (name, value) tuples: [('Content-Type', 'text/plain')].")
    if not isinstance(headers, list):
        fail(f"The headers are a {type(headers).__name__}; WSGI wants a list of (name, value) tuples.")
    for header in headers:
        if not (isinstance(header, tuple) and len(header) == 2 and all(isinstance(part, str) for part in header)):
            fail(f"The header {header!r} is not a (name, value) tuple of two strings.")
    if not any(name.lower() == "content-type" for name, _ in headers):
        fail("No Content-Type header: add ('Content-Type', 'text/plain; charset=utf-8') so the browser knows what it gets.")


@check("the body is an iterable of bytes", requires=calls_start_response)
def body_is_bytes():
    call = one_request()
    returned = call.returned
    if returned is None:
        fail("`application` returns None. Return the body as a list of bytes: `return [b'Hello, World!']`.")
    if isinstance(returned, str):
        fail(
            "`application` returns a str. WSGI wants an iterable of bytes: "
            "`return [b'Hello, World!']` (note the b before the quote)."
        )
    if isinstance(returned, bytes):
        fail(
            "`application` returns bytes directly. Wrap them in a list, `return [b'Hello, World!']`: "
            "a server iterating bare bytes would send one number at a time."
        )
    if call.iteration_error is not None:
        fail(f"`application` returns a {type(returned).__name__}, which cannot be iterated. Return a list: `return [b'...']`.")
    for chunk in call.chunks:
        if isinstance(chunk, str):
            fail(f"The body holds the str {chunk!r}; WSGI wants bytes: write b{chunk!r} or {chunk!r}.encode('utf-8').")
        if not isinstance(chunk, bytes):
            fail(f"The body holds {chunk!r} (a {type(chunk).__name__}); every item must be bytes.")


@check("the page says Hello, World!", requires=body_is_bytes)
def says_hello():
    body = one_request().body
    if body == EXPECTED_BODY:
        return
    if body.strip() == EXPECTED_BODY:
        fail(f"Almost: the body is {body!r}, with extra whitespace. Send exactly {EXPECTED_BODY!r}.")
    if body == b"":
        fail("The body is empty. Put b'Hello, World!' in the list you return.")
    fail(f"The body is {body!r}; it should be exactly {EXPECTED_BODY!r} (capitals, comma and exclamation mark included).")
