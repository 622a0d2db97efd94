bind = "127.0.0.1:{port}"
workers = "two"
