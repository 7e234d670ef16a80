"""Run one generated supertokens-python backend file and print what the SDK made of it.

    python readback.py GENERATED.py

Runs the file in this (fresh) process with runpy, then prints ONE JSON object on stdout,
read from the SDK's own state after `init(...)`, never from the file:

    cookie_domain, older_cookie_domain   SessionRecipe.get_instance().config.<same>
    token_transfer_method                config.get_token_transfer_method(req, new?, {}) for
                                         a new session and a verified one
    api_domain                           Supertokens.get_instance().app_info.api_domain
    website_domain                       app_info.get_origin(None, {})  (website_domain is private)
    app_name, framework, mode            app_info.<same>
    connection_uri                       Supertokens.get_instance().supertokens_config.connection_uri
    core_hosts                           the normalised hosts the SDK's Querier will call
    top_level_api_domain, api_base_path, website_base_path, cookie_secure, cookie_same_site
    middleware                           the framework middleware built against a bare app
    recipes                              the ids of the recipes the SDK initialised
    thirdparty_clients                   ThirdParty: {provider id: [client id, secret]}, with
                                         each provider variable set to "env:NAME" first
    passwordless                         Passwordless: [flow_type, contact config class]

On any exception: the traceback on stderr, exit 1. No network is used or needed:
SUPERTOKENS_TLDEXTRACT_DISABLE_HTTP=1 makes the SDK build its TLDExtract with
`suffix_list_urls=()` (supertokens_python/utils.py, get_top_level_domain_for_same_site_resolution),
so tldextract uses its bundled Public Suffix List snapshot; and every socket connect or DNS
look-up in this process is refused and reported as an error (exit 1), so a silent fallback
cannot hide one. init() itself never calls the SuperTokens core (that happens per request).
"""

import contextlib
import json
import os
import socket
import sys
import traceback

# Before anything imports supertokens_python / tldextract (tldextract reads TLDEXTRACT_CACHE
# into a default argument at import time; "" disables its disk cache, so nothing is written
# under ~/.cache).
os.environ["SUPERTOKENS_TLDEXTRACT_DISABLE_HTTP"] = "1"
os.environ["TLDEXTRACT_CACHE"] = ""

NETWORK_ATTEMPTS = []


def _no_network(name):
    def refuse(*args, **_kwargs):
        NETWORK_ATTEMPTS.append(f"{name}{args!r}")
        raise OSError(f"readback.py: network access refused ({name})")

    return refuse


socket.socket.connect = _no_network("socket.connect")
socket.socket.connect_ex = _no_network("socket.connect_ex")
socket.create_connection = _no_network("create_connection")
socket.getaddrinfo = _no_network("getaddrinfo")


def build_middleware(framework):
    """Wires the SDK's middleware for `framework` into a bare app of that framework."""
    if framework == "fastapi":
        from fastapi import FastAPI

        from supertokens_python.framework.fastapi import get_middleware

        app = FastAPI()
        app.add_middleware(get_middleware())
        app.build_middleware_stack()
        return "supertokens_python.framework.fastapi.get_middleware"
    if framework == "flask":
        from flask import Flask

        from supertokens_python.framework.flask import Middleware

        Middleware(Flask("readback"))
        return "supertokens_python.framework.flask.Middleware"
    if framework == "django":
        # The SDK's init() does not touch Django; its middleware imports django.http only
        # when Django instantiates it, which needs no settings.
        from supertokens_python.framework.django import middleware

        middleware(lambda request: None)
        return "supertokens_python.framework.django.middleware"
    raise ValueError(f"unknown framework {framework!r}")


class _NoHeaders:
    """A request that carries no header (the SDK's default asks for st-auth-mode)."""

    def get_header(self, _key):
        return None


def read_back(path):
    import runpy

    # The file's directory is NOT put on sys.path: the generated file imports only the SDK,
    # and a sample named e.g. flask.py must not shadow the framework.
    path = os.path.abspath(path)
    # The generated file reads the providers' client ids and secrets from the environment:
    # mark each so the output shows which variable reached which field.
    for name in ("GOOGLE_CLIENT_ID", "GOOGLE_CLIENT_SECRET", "GITHUB_CLIENT_ID", "GITHUB_CLIENT_SECRET"):
        os.environ[name] = f"env:{name}"
    # Anything the file prints goes to stderr: stdout carries only the JSON.
    with contextlib.redirect_stdout(sys.stderr):
        runpy.run_path(path, run_name="__st_setup_readback__")

        from supertokens_python import Supertokens
        from supertokens_python.querier import Querier
        from supertokens_python.recipe.session.recipe import SessionRecipe

        st = Supertokens.get_instance()
        info = st.app_info
        session = SessionRecipe.get_instance().config
        hosts = getattr(Querier, "_Querier__hosts")
        result = {
            "cookie_domain": session.cookie_domain,
            "older_cookie_domain": session.older_cookie_domain,
            # What the session config answers for a new session and for one it verifies,
            # for a request without the frontend's st-auth-mode header.
            "token_transfer_method": [
                session.get_token_transfer_method(_NoHeaders(), for_create_new_session, {})
                for for_create_new_session in (True, False)
            ],
            "api_domain": info.api_domain.get_as_string_dangerous(),
            "website_domain": info.get_origin(None, {}).get_as_string_dangerous(),
            "app_name": info.app_name,
            "connection_uri": st.supertokens_config.connection_uri,
            "framework": info.framework,
            "mode": info.mode,
            "core_hosts": [
                h.domain.get_as_string_dangerous() + h.base_path.get_as_string_dangerous()
                for h in hosts
            ],
            "top_level_api_domain": info.top_level_api_domain,
            "api_base_path": info.api_base_path.get_as_string_dangerous(),
            "website_base_path": info.website_base_path.get_as_string_dangerous(),
            "cookie_secure": session.cookie_secure,
            "cookie_same_site": session.get_cookie_same_site(None, {}),
            "middleware": build_middleware(info.framework),
            "recipes": [m.get_recipe_id() for m in st.recipe_modules],
        }
        ids = result["recipes"]
        if "thirdparty" in ids:
            from supertokens_python.recipe.thirdparty.recipe import ThirdPartyRecipe

            result["thirdparty_clients"] = {
                p.config.third_party_id: [
                    [c.client_id, c.client_secret] for c in p.config.clients or []
                ]
                for p in ThirdPartyRecipe.get_instance().providers
            }
        if "passwordless" in ids:
            from supertokens_python.recipe.passwordless.recipe import PasswordlessRecipe

            config = PasswordlessRecipe.get_instance().config
            result["passwordless"] = [config.flow_type, type(config.contact_config).__name__]
    if NETWORK_ATTEMPTS:
        raise RuntimeError(f"network access attempted: {NETWORK_ATTEMPTS}")
    return result


def main(argv):
    if len(argv) != 2:
        print("usage: readback.py GENERATED.py", file=sys.stderr)
        return 2
    try:
        result = read_back(argv[1])
    except BaseException:  # noqa: BLE001 -- SystemExit from the file is a failure too
        traceback.print_exc()
        if NETWORK_ATTEMPTS:
            print(f"network access attempted: {NETWORK_ATTEMPTS}", file=sys.stderr)
        return 1
    sys.stdout.write(json.dumps(result) + "\n")
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
