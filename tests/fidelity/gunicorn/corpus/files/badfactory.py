def create_app():
    raise RuntimeError("the factory failed")
