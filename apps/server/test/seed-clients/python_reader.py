"""Reads an SSE stream the way the seed's Python example does (requests-style chunk loop),
with only the standard library. Prints one JSON line per complete event and stops after
`count` events named `stop_on` (or unnamed data events carrying an id).

usage: python_reader.py URL COUNT [--bearer TOKEN] [--last-event-id ID]
"""
import json
import sys
import urllib.request

url, count = sys.argv[1], int(sys.argv[2])
args = sys.argv[3:]
headers = {"Accept": "text/event-stream"}
if "--bearer" in args:
    headers["Authorization"] = f"Bearer {args[args.index('--bearer') + 1]}"
if "--last-event-id" in args:
    headers["Last-Event-ID"] = args[args.index("--last-event-id") + 1]

response = urllib.request.urlopen(urllib.request.Request(url, headers=headers), timeout=30)
seen = 0
buffer = ""
event_type, data, event_id = "message", "", None
while seen < count:
    chunk = response.read1(1024).decode("utf-8")
    if not chunk:
        break
    buffer += chunk
    lines = buffer.split("\n")
    buffer = lines[-1]  # keep the incomplete line
    for line in lines[:-1]:
        if line.startswith("event:"):
            event_type = line[6:].strip()
        elif line.startswith("id:"):
            event_id = line[3:].strip()
        elif line.startswith("data:"):
            data += line[5:].strip()
        elif line == "":
            if data:
                payload = json.loads(data)
                print(json.dumps({"event": event_type, "id": event_id, "data": payload}), flush=True)
                if "notification_type" in payload:
                    seen += 1
            event_type, data = "message", ""
