def application(environ, start_response):
    # Call start_response with a status and a list of headers,
    # then return the body as a list of bytes.
    pass


if __name__ == "__main__":
    # Call the app the way a WSGI server would, and show what it sent back.
    from wsgiref.util import setup_testing_defaults

    environ = {}
    setup_testing_defaults(environ)

    def start_response(status, headers):
        print("Status: ", status)
        print("Headers:", headers)

    body = application(environ, start_response)
    print("Body:   ", b"".join(body) if body is not None else body)
