"""A stand-in for Bungie.net for the manifest benchmark: /Platform/Destiny2/Manifest/ in Bungie's envelope, naming
the tables in DIR (served gzipped, as Bungie's content servers do when asked). Usage: serve.py DIR PORT VERSION"""
import json
import os
import shutil
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

DIR, PORT, VERSION = sys.argv[1], int(sys.argv[2]), sys.argv[3]
TABLES = [name[:-len(".json.gz")] for name in os.listdir(DIR) if name.endswith(".json.gz")]
MANIFEST = json.dumps({
    "Response": {"version": VERSION, "jsonWorldComponentContentPaths": {"en": {
        table: f"/common/destiny2_content/json/en/{table}-{VERSION}.json" for table in TABLES}}},
    "ErrorCode": 1, "ThrottleSeconds": 0, "ErrorStatus": "Success", "Message": "Ok", "MessageData": {}}).encode()


class Bungie(BaseHTTPRequestHandler):
    def do_GET(self):
        if self.path == "/Platform/Destiny2/Manifest/":
            self.send_response(200)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Content-Length", str(len(MANIFEST)))
            self.end_headers()
            self.wfile.write(MANIFEST)
            return
        name = self.path.rsplit("/", 1)[-1]
        table = name.split("-", 1)[0]
        path = os.path.join(DIR, table + ".json.gz")
        if table not in TABLES or not os.path.exists(path):
            self.send_error(404)
            return
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(os.path.getsize(path)))
        self.end_headers()
        with open(path, "rb") as f:
            shutil.copyfileobj(f, self.wfile, 1 << 20)

    def log_message(self, *args):
        pass


ThreadingHTTPServer(("127.0.0.1", PORT), Bungie).serve_forever()
