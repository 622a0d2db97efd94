from flask import Flask, jsonify

app = Flask(__name__)


@app.route("/")
def index():
    return "hello from gunicorn\n"


@app.route("/json")
def data():
    return jsonify(items=[1, 2, 3], name="shiplab")


@app.route("/boom")
def boom():
    raise ValueError("flask view failed")


def create_app():
    return app

