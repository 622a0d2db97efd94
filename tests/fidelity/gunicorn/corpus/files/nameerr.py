def helper():
    return undefined_name


app = helper()
