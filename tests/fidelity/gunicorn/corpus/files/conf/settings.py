bind = ["127.0.0.1:{port}"]
workers = 2
accesslog = "-"
loglevel = "debug"
proc_name = "shiplab"
