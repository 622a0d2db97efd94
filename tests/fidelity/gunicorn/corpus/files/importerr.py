import flask_missing_extension

app = None
