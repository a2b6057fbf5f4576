#!/usr/bin/env python3
"""Churn benchmark peers on loopback.

  churn_peer.py server PORT           accept connections on 127.0.0.1:PORT, read each until EOF
  churn_peer.py client PORT N LIFE_MS  open N connections one after another, each living LIFE_MS,
                                       printing the local port of each as soon as it is connected
The two run as separate processes, so a flow given to the server's pid is a wrong answer.
"""
import socket
import sys
import threading
import time


def server(port):
    s = socket.socket()
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(("127.0.0.1", port))
    s.listen(1024)
    print("ready", flush=True)

    def serve(conn):
        with conn:
            while conn.recv(4096):
                pass

    while True:
        conn, _ = s.accept()
        threading.Thread(target=serve, args=(conn,), daemon=True).start()


def client(port, n, life_ms):
    for _ in range(n):
        c = socket.create_connection(("127.0.0.1", port))
        print(c.getsockname()[1], flush=True)
        c.sendall(b"ping")
        time.sleep(life_ms / 1000.0)
        c.close()
        time.sleep(0.005)


if __name__ == "__main__":
    if sys.argv[1] == "server":
        server(int(sys.argv[2]))
    else:
        client(int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4]))
