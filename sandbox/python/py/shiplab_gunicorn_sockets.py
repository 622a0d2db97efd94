"""The sockets Gunicorn's worker sees on the machine: a bound address, and one accepted connection."""

import io


class Listener:
    """A bound address, as the worker sees its listening socket."""

    def __init__(self, bound, unix_path=None):
        self.bound = bound
        self.unix_path = unix_path

    def getsockname(self):
        return self.unix_path if self.unix_path else (self.bound.host, self.bound.port)

    def close(self):
        self.bound.close()

    def __str__(self):
        if self.unix_path:
            return "unix:%s" % self.unix_path
        if ":" in self.bound.host:
            return "http://[%s]:%d" % (self.bound.host, self.bound.port)
        return "http://%s:%d" % (self.bound.host, self.bound.port)


class Connection:
    """One accepted connection: the request the machine delivered whole, and the bytes written back."""

    def __init__(self, request):
        self._incoming = io.BytesIO(request)
        self._outgoing = bytearray()
        # Set when the worker died with the request: the client sees the connection drop.
        self.severed = False

    def recv(self, size):
        return self._incoming.read(size)

    def sendall(self, data):
        self._outgoing += data

    def send(self, data):
        self._outgoing += data
        return len(data)

    def sendfile(self, file, offset=0, count=None):
        file.seek(offset)
        data = file.read(count) if count else file.read()
        self._outgoing += data
        return len(data)

    def setblocking(self, flag):
        pass

    def gettimeout(self):
        return None

    def shutdown(self, how):
        pass

    def close(self):
        pass

    def sent(self):
        return b"" if self.severed else bytes(self._outgoing)
