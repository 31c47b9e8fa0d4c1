"""Retries, 429, timeouts and bad JSON over real HTTP on loopback; HTML to text."""

from __future__ import annotations

import datetime as dt
import re
import time

import httpx
import pytest

from app.connectors.base import AuthError, BadResponse, RateLimited, Unavailable
from app.connectors.http import Http, json_of, parse_reset
from app.connectors.text import html_to_text
from tests.servers.base import LoopbackServer


class Echo(LoopbackServer):
    def handle(self, method, path, query, headers, body):
        return 200, {}, {"ok": True, "path": path}


@pytest.fixture
def server():
    with Echo() as srv:
        yield srv


def fast_http(**kw) -> Http:
    kw.setdefault("base_delay", 0.01)
    return Http(httpx.Client(timeout=kw.pop("timeout", 2.0)), **kw)


def test_mastodon_429_without_retry_after_waits_for_iso_reset(server):
    start = time.monotonic()  # before the reset is set: a slow machine cannot shorten the wait
    reset = (dt.datetime.now(dt.UTC) + dt.timedelta(seconds=1.2)).isoformat()
    server.fail_next(
        429,
        headers={"X-RateLimit-Reset": reset, "X-RateLimit-Remaining": "0"},
        body={"error": "Too many requests"},
    )
    http = fast_http()
    response = http.get(server.base_url + "/api/v1/notifications")
    assert response.status_code == 200
    assert time.monotonic() - start >= 1.1  # waited until the reset, not a blind retry
    assert len(server.log) == 2


def test_429_with_retry_after_is_honoured(server):
    server.fail_next(429, headers={"Retry-After": "1"})
    http = fast_http()
    start = time.monotonic()
    assert http.get(server.base_url + "/x").status_code == 200
    assert time.monotonic() - start >= 0.9


def test_long_rate_limit_is_reported_not_slept(server):
    server.fail_next(429, headers={"Retry-After": "3600"})
    http = fast_http(max_wait=5)
    with pytest.raises(RateLimited) as err:
        http.get(server.base_url + "/x")
    assert err.value.wait_seconds == 3600
    assert http.slept == 0  # reported at once, not slept
    assert "60 min" in err.value.message


def test_5xx_retried_with_backoff_then_succeeds(server):
    server.fail_next(503, times=1)
    server.fail_next(500, times=1)
    assert fast_http().get(server.base_url + "/x").json()["ok"] is True
    assert len(server.log) == 3


def test_5xx_forever_is_unavailable_after_retries(server):
    server.fail_next(502, times=10)
    with pytest.raises(Unavailable) as err:
        fast_http(retries=2).get(server.base_url + "/x")
    assert len(server.log) == 3
    assert "502" in err.value.message and "3" in err.value.message


def test_timeout_is_retried_then_unavailable(server):
    server.fail_next(200, delay=0.6, times=5)
    with pytest.raises(Unavailable) as err:
        fast_http(retries=1, timeout=0.2).get(server.base_url + "/slow")
    assert "did not answer in time" in err.value.message


def test_connection_refused_is_unavailable():
    with pytest.raises(Unavailable):
        fast_http(retries=1).get("http://127.0.0.1:9/nothing")


def test_401_is_auth_error_and_token_never_in_message(server):
    server.fail_next(401, body={"error": "The access token is invalid"})
    with pytest.raises(AuthError) as err:
        fast_http().get(server.base_url + "/x", auth="s3cret-token-value")
    assert "s3cret" not in str(err.value) and "s3cret" not in repr(err.value)
    assert server.log[0][2]["authorization"] == "Bearer s3cret-token-value"


def test_malformed_json_is_bad_response(server):
    server.fail_next(200, body='{"error": "truncated')
    response = fast_http().get(server.base_url + "/x")
    with pytest.raises(BadResponse):
        json_of(response)
    server.fail_next(200, body={"a": 1})
    with pytest.raises(BadResponse):
        json_of(fast_http().get(server.base_url + "/x"), list)


def test_json_that_only_the_standard_reader_accepts_still_decodes(server):
    """orjson decodes the pages of a sync; what it refuses but is valid for Python's json
    reader (UTF-16 bodies, integers beyond 64 bits) still arrives, nothing is lost."""
    big = 2**70
    server.fail_next(200, body=f'{{"id": {big}, "text": "café"}}')
    assert json_of(fast_http().get(server.base_url + "/x")) == {"id": big, "text": "café"}
    server.fail_next(
        200,
        body='[{"text": "crème brûlée 😋"}]'.encode("utf-16"),
        headers={"Content-Type": "application/json; charset=utf-16"},
    )
    assert json_of(fast_http().get(server.base_url + "/x"), list) == [{"text": "crème brûlée 😋"}]


def test_cancel_interrupts_a_wait(server):
    server.fail_next(429, headers={"Retry-After": "30"})
    flag = {"stop": False}
    http = fast_http(max_wait=60, is_cancelled=lambda: flag["stop"])
    http._sleep = lambda s: flag.update(stop=True)
    from app.connectors.http import Cancelled

    with pytest.raises(Cancelled):
        http.get(server.base_url + "/x")


def test_reset_header_formats():
    now = 1_800_000_000.0
    assert parse_reset("2027-01-15T08:00:30.000Z", now) == pytest.approx(
        dt.datetime(2027, 1, 15, 8, 0, 30, tzinfo=dt.UTC).timestamp() - now
    )
    assert parse_reset(str(int(now) + 42), now) == 42  # epoch (Bluesky, X)
    assert parse_reset("17", now) == 17  # delta
    assert parse_reset("nonsense", now) is None


def test_html_to_text():
    html = (
        '<p>Bonjour <span class="h-card"><a href="https://m.test/@cafe" class="u-url '
        'mention">@<span>cafe</span></a></span> &amp; merci&nbsp;!</p><p>Voir <a href='
        '"https://example.com/tres/long/chemin"><span class="invisible">https://</span>'
        '<span class="ellipsis">example.com/tres</span><span class="invisible">/long/chemin'
        "</span></a><br>Ligne 2 🌸 &lt;b&gt;</p><script>alert(1)</script>"
    )
    assert html_to_text(html) == (
        "Bonjour @cafe & merci !\n\nVoir example.com/tres…\nLigne 2 🌸 <b>"
    )
    assert html_to_text("déjà du texte") == "déjà du texte"
    assert html_to_text("") == ""


@pytest.mark.parametrize(
    "html",
    [
        '<p>Salut <a href="https://x.test/@a">@<span>a</span></a> !</p><p>2<sup>e</sup></p>',
        '<p><a href="https://e.test/x"><span class="invisible">https://</span><span class='
        '"ellipsis">e.test/very</span><span class="invisible">/long</span></a></p>',
        "<p>Un<br />deux<br>trois &amp; «&nbsp;quatre&nbsp;»</p>",
        '<p dir="ltr">Un</p><P>Deux</P><p>Trois &amp; 3</p>',
        "<div><ul><li>un</li><li>deux</li></ul></div>",
    ],
)
def test_fast_path_and_parser_agree(html):
    import re

    from app.connectors import text

    def squash(t):
        return re.sub(r"\s+", " ", t.replace("\xa0", " ")).strip()

    fast = text._simple(html)
    if "<sup>" in html or "<li>" in html:
        assert fast is None  # anything but p/br/a/span goes through the parser
    else:
        assert squash(fast) == squash(text._parsed(html))
    assert "<" not in text.html_to_text(html).replace("<b>", "")


@pytest.mark.parametrize(
    "html",
    [
        '<p>@marque Bonjour, commande n°12 pas reçue 😡 <a href="https://x.test">lien</a></p>',
        "<p>  Espaces \t en  trop &amp; «&nbsp;insécables&nbsp;»  </p>",
        "<p>Entités &#10;ligne &lt;p&gt; pas une balise</p>",
        "<p>Un</p><p>deux</p>",
        "<p>avec<br>saut</p>",
    ],
)
def test_one_paragraph_fast_path_equals_the_full_conversion(html):
    from app.connectors import text

    def full(value):  # the conversion as it was before the one-paragraph shortcut
        t = text._simple(value)
        t = text._SPACES.sub(
            " ", (t if t is not None else text._parsed(value)).replace("\xa0", " ")
        )
        return text._BLANKS.sub("\n\n", text._LINE_EDGES.sub("\n", t)).strip()

    assert text.html_to_text(html) == full(html)
    assert re.sub(r"[ \t\r\f\v]+", " ", "a  b\tc d") == text._SPACES.sub(" ", "a  b\tc d")
