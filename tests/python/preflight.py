"""Runs a generated FastAPI, Flask or Django backend file (argv[1]), wires it into a bare
app of its framework with the file's own add_supertokens (Django: on the settings), and
prints (JSON) how the app
answers CORS preflights for the SDK's refresh route from the website (argv[2]) and from a
look-alike origin. In-process (the frameworks' test clients): no server, no network."""

import json
import runpy
import sys
import warnings

warnings.simplefilter("ignore")



def client_for(module):
    """A test client of a bare app of the module's framework, wired by the module."""
    if module["ST_FRAMEWORK"] == "django":
        import django
        from django.conf import settings

        # A bare project's settings, then what the file's add_supertokens adds to them.
        project = {
            "DEBUG": False,
            "SECRET_KEY": "preflight",
            "ALLOWED_HOSTS": ["testserver"],
            "ROOT_URLCONF": __name__,
            "INSTALLED_APPS": ["django.contrib.contenttypes", "django.contrib.auth"],
            "MIDDLEWARE": [
                "django.middleware.security.SecurityMiddleware",
                "django.middleware.common.CommonMiddleware",
            ],
        }
        module["add_supertokens"](project)
        settings.configure(**project)
        django.setup()
        from django.test import Client

        return Client()
    if module["ST_FRAMEWORK"] == "flask":
        from flask import Flask

        app = Flask("preflight")
        module["add_supertokens"](app)
        return app.test_client()
    from fastapi import FastAPI
    from fastapi.testclient import TestClient

    app = FastAPI()
    module["add_supertokens"](app)
    return TestClient(app)


# Django's URL configuration: the SDK's middleware answers /auth itself.
urlpatterns = []


def main(path, website):
    client = client_for(runpy.run_path(path))

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
