"""Runs a generated FastAPI backend file, wires it into a bare FastAPI app with the file's
own add_supertokens(app), and prints (JSON) how the app answers CORS preflights for the
SDK's refresh route from the website (argv[2]) and from a look-alike origin. In-process
(Starlette's test client): no server, no network."""

import json
import runpy
import sys
import warnings

warnings.simplefilter("ignore")

from fastapi import FastAPI  # noqa: E402
from fastapi.testclient import TestClient  # noqa: E402


def main(path, website):
    module = runpy.run_path(path)
    app = FastAPI()
    module["add_supertokens"](app)
    client = TestClient(app)

    def ask(origin):
        response = client.options(
            "/auth/session/refresh",
            headers={
                "Origin": origin,
                "Access-Control-Request-Method": "POST",
                "Access-Control-Request-Headers": "content-type,rid,fdi-version,st-auth-mode,anti-csrf",
            },
        )
        return {
            "status": response.status_code,
            "origin": response.headers.get("access-control-allow-origin"),
            "credentials": response.headers.get("access-control-allow-credentials"),
            "headers": response.headers.get("access-control-allow-headers"),
        }

    print(json.dumps({"website": ask(website), "other": ask("https://example.com.evil.net")}))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
