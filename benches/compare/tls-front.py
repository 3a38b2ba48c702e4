# A TLS front for canned-server, for run.sh's `startup_https` section:
#   python3 tls-front.py CERT KEY LISTEN_PORT BACKEND_PORT
# serves https://localhost:LISTEN_PORT (HTTP/1.1) and forwards the bytes to
# http://127.0.0.1:BACKEND_PORT. Python's standard library only: no new dependency.
import socket, ssl, threading, sys
ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
ctx.load_cert_chain(sys.argv[1], sys.argv[2])
ctx.set_alpn_protocols(["http/1.1"])
def pump(a, b):
    try:
        while True:
            d = a.recv(65536)
            if not d: break
            b.sendall(d)
    except OSError: pass
    finally:
        for s in (a, b):
            try: s.shutdown(socket.SHUT_RDWR)
            except OSError: pass
def serve(c):
    try: t = ctx.wrap_socket(c, server_side=True)
    except (ssl.SSLError, OSError): c.close(); return
    u = socket.create_connection(("127.0.0.1", int(sys.argv[4])))
    threading.Thread(target=pump, args=(t, u), daemon=True).start()
    pump(u, t)
l = socket.socket(); l.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
l.bind(("127.0.0.1", int(sys.argv[3]))); l.listen(64)
while True:
    c, _ = l.accept()
    threading.Thread(target=serve, args=(c,), daemon=True).start()
