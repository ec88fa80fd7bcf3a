"""End to end: `redact serve` on a free localhost port, called over HTTP with httpx.

Most servers run in a thread of this process (uvicorn, the fast policy: patterns and cued
names); shutdown and fail-closed tests start `redact serve` itself as a subprocess. One test
loads the default hipaa policy with its transformer.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from pathlib import Path

import pytest

httpx = pytest.importorskip("httpx")
pytest.importorskip("fastapi")
pytest.importorskip("uvicorn")
pytest.importorskip("prometheus_client")

from redactor.api import Redactor  # noqa: E402
from redactor.detect.engine import Engine  # noqa: E402
from redactor.policy import load_policy  # noqa: E402
from redactor.serve.app import Service, make_server  # noqa: E402
from redactor.serve.arms import agreement  # noqa: E402
from redactor.serve.settings import ServeSettings  # noqa: E402

HERE = Path(__file__).parent
FAST_POLICY = str(HERE / "fast_policy.yaml")  # patterns + cued names
SECRET = "Zebediah Quackenbush"  # a name that must never come back in errors, logs or metrics
NOTE = f"Dr. {SECRET} called from 617-555-0143 about claim 078-05-1120, mail zq@example.com."
TEXTS = [
    NOTE,
    "Seen by Dr. Amara Okafor on 03/14/2021; SSN 219-09-9999.",
    "Nothing personal in this sentence.",
    "Call Mrs. Priya Raman at (312) 555-0176 or priya.raman@example.org.",
]
TOKEN = "s3cret-token-for-tests"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def settings(**changes: object) -> ServeSettings:
    return replace(ServeSettings(policy=FAST_POLICY, port=free_port()), **changes)


@contextlib.contextmanager
def running(config: ServeSettings) -> Iterator[tuple[httpx.Client, Service]]:
    """The service on a uvicorn server in a thread, and a client for it; stopped after."""
    service = Service.load(config)
    server = make_server(service)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "server did not start"
        time.sleep(0.02)
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{config.port}", timeout=30) as client:
            yield client, service
    finally:
        server.should_exit = True
        thread.join(30)
        assert not thread.is_alive()


def metric(text: str, name: str, **labels: str) -> float:
    """The value of one sample in Prometheus text format (0 when absent)."""
    for line in text.splitlines():
        if not line.startswith(name + "{") and not line.startswith(name + " "):
            continue
        found = dict(re.findall(r'(\w+)="([^"]*)"', line.split("}")[0]))
        if all(found.get(k) == v for k, v in labels.items()):
            return float(line.rsplit(" ", 1)[1])
    return 0.0


@pytest.fixture(scope="module")
def fast() -> Iterator[tuple[httpx.Client, Service]]:
    with running(settings(max_body=64 * 1024, max_items=8, queue_texts=64)) as pair:
        yield pair


@pytest.fixture(scope="module")
def library() -> Redactor:
    return Redactor(FAST_POLICY)


@pytest.fixture
def candidate_policy(tmp_path: Path) -> str:
    """The fast policy without the name detector: its PERSON spans differ, the rest agree."""
    path = tmp_path / "candidate.yaml"
    path.write_text(HERE.joinpath("fast_policy.yaml").read_text(encoding="utf-8")
                    .replace("name: fast", "name: fast-patterns")
                    .replace("{patterns: true, names: true}", "{patterns: true, names: false}"),
                    encoding="utf-8")
    return str(path)


# --------------------------------------------------------------------------- routes


def test_redact_one_text_gives_the_library_result_with_spans_and_policy(fast, library):
    client, _ = fast
    response = client.post("/v1/redact", json={"text": NOTE})
    assert response.status_code == 200
    body = response.json()
    expected = library.redact(NOTE)
    assert body["text"] == expected.text
    assert SECRET not in body["text"] and "617-555-0143" not in body["text"]
    assert [(s["start"], s["end"], s["label"]) for s in body["spans"]] == [
        (s.start, s.end, s.label) for s in expected.spans]
    assert {s["action"] for s in body["spans"]} == {"redact"}
    assert set(body["spans"][0]) == {"start", "end", "label", "recognizer", "score", "action"}
    assert body["policy"] == "fast"
    assert body["policy_sha256"] == load_policy(FAST_POLICY).sha256
    assert body["arm"] == "main" and response.headers["x-redactor-arm"] == "main"


def test_redact_batch_answers_in_order_as_redact_batch_does(fast, library):
    client, _ = fast
    texts = [TEXTS[2], *TEXTS, TEXTS[0]]
    body = client.post("/v1/redact", json={"texts": texts}).json()
    assert [r["text"] for r in body["results"]] == [r.text for r in library.redact_many(texts)]
    assert body["results"][0]["spans"] == []


def test_analyze_gives_spans_and_no_text(fast, library):
    client, _ = fast
    body = client.post("/v1/analyze", json={"texts": TEXTS}).json()
    assert "text" not in body["results"][0]
    assert SECRET not in json.dumps(body)
    found = [[(s["start"], s["end"], s["label"]) for s in r["spans"]] for r in body["results"]]
    assert found == [[(s.start, s.end, s.label) for s in spans]
                     for spans in library.engine.analyze(TEXTS)]
    single = client.post("/v1/analyze", json={"text": NOTE}).json()
    assert single["spans"] == body["results"][0]["spans"]


def test_scan_finds_what_redaction_left_and_nothing_in_redacted_text(fast, library):
    client, _ = fast
    redacted = library.redact(NOTE).text
    body = client.post("/v1/scan", json={"texts": [redacted, NOTE]}).json()
    clean, raw = body["results"]
    assert clean == {"findings": [], "clean": True}
    assert not raw["clean"] and {"PERSON", "PHONE_NUMBER"} <= {f["label"] for f in
                                                                 raw["findings"]}
    assert body["documents"] == 2 and body["finding_count"] == len(raw["findings"])
    assert SECRET not in json.dumps(body)
    single = client.post("/v1/scan", json={"text": NOTE}).json()
    assert single["findings"] == raw["findings"] and single["finding_count"] == len(raw["findings"])
    assert single["clean"] is False and single["documents"] == 1


def test_health_ready_and_metrics(fast):
    client, service = fast
    assert client.get("/health").json() == {"status": "ok"}
    ready = client.get("/ready").json()
    assert ready["status"] == "ready" and ready["arms"]["main"]["policy"] == "fast"
    service.draining = True  # as after SIGTERM
    try:
        assert client.get("/ready").status_code == 503
        assert client.get("/health").status_code == 200
    finally:
        service.draining = False
    before = client.get("/metrics").text
    assert client.post("/v1/redact", json={"text": NOTE}).status_code == 200
    after = client.get("/metrics")
    assert after.headers["content-type"].startswith("text/plain")
    text = after.text
    for name in ("redactor_http_requests_total", "redactor_http_request_duration_seconds_bucket",
                 "redactor_characters_total", "redactor_entities_total",
                 "redactor_model_batch_texts_bucket", "redactor_errors_total",
                 "redactor_queue_texts"):
        assert name in text, name
    ok = {"route": "/v1/redact", "status": "200", "arm": "main"}
    assert (metric(text, "redactor_http_requests_total", **ok)
            == metric(before, "redactor_http_requests_total", **ok) + 1)
    chars = {"route": "/v1/redact", "arm": "main"}
    assert (metric(text, "redactor_characters_total", **chars)
            - metric(before, "redactor_characters_total", **chars)) == len(NOTE)
    phones = {"label": "PHONE_NUMBER", "arm": "main"}
    assert (metric(text, "redactor_entities_total", **phones)
            - metric(before, "redactor_entities_total", **phones)) == 1
    assert SECRET.split()[0] not in text and "555-0143" not in text


def test_concurrent_requests_share_model_batches():
    with running(settings(batch_window=0.2)) as (client, _):
        with ThreadPoolExecutor(8) as pool:
            answers = list(pool.map(lambda t: client.post("/v1/redact", json={"text": t}),
                                    TEXTS * 4))
        assert all(a.status_code == 200 for a in answers)
        assert [a.json()["text"] for a in answers] == [
            r.text for r in Redactor(FAST_POLICY).redact_many(TEXTS * 4)]
        text = client.get("/metrics").text
        labels = {"arm": "main", "op": "redact"}
        batches = metric(text, "redactor_model_batch_texts_count", **labels)
        assert metric(text, "redactor_model_batch_texts_sum", **labels) == 16
        assert batches < 16  # some requests were served together


# --------------------------------------------------------------------------- errors


@pytest.mark.parametrize(("body", "status", "code"), [
    (b'{"text": "Zebediah Quackenbush', 422, "R602"),
    (b'["Zebediah Quackenbush"]', 422, "R603"),
    (b'{"text": 5}', 422, "R603"),
    (b'{"texts": "Zebediah Quackenbush"}', 422, "R603"),
    (b'{"text": "Zebediah Quackenbush", "texts": ["x"]}', 422, "R603"),
    (b'{"text": "Zebediah Quackenbush", "Zebediah": 1}', 422, "R603"),
    (b'{"texts": []}', 422, "R604"),
    (b'{"texts": ["Zebediah Quackenbush", 3]}', 422, "R605"),
    (b'{"texts": ["Zebediah Quackenbush", null]}', 422, "R605"),
    (b'{"texts": ["a", "b", "c", "d", "e", "f", "g", "h", "Zebediah Quackenbush"]}', 413,
     "R607"),
    (b'\xff\xfe', 422, "R602"),
    (b'[' * 20_000, 422, "R602"),
    (b'{"text": 1' + b'7' * 5000 + b'}', 422, "R602"),
    (b'{"text": "Zebediah \\ud800 Quackenbush"}', 422, "R603"),
    (b'{"texts": ["Zebediah Quackenbush", "\\udfff"]}', 422, "R603"),
])
def test_bad_input_gets_a_coded_4xx_that_does_not_echo_it(fast, body, status, code):
    client, _ = fast
    for route in ("/v1/redact", "/v1/analyze", "/v1/scan"):
        response = client.post(route, content=body,
                               headers={"content-type": "application/json"})
        assert response.status_code == status, (route, response.text)
        error = response.json()["error"]
        assert error["code"] == code and error["message"]
        assert "Zebediah" not in response.text and "Quackenbush" not in response.text


def test_body_over_the_limit_is_413(fast):
    client, service = fast
    big = json.dumps({"text": SECRET + "x" * service.settings.max_body}).encode()
    response = client.post("/v1/redact", content=big)
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "R606" and "Zebediah" not in response.text
    chunked = client.post("/v1/redact", content=iter([big[:1000], big[1000:]]))  # no length
    assert chunked.status_code == 413


def test_unknown_route_and_method(fast):
    client, _ = fast
    assert client.get("/v1/nope").json()["error"]["code"] == "R610"
    response = client.get("/v1/redact")
    assert response.status_code == 405 and response.json()["error"]["code"] == "R611"
    assert client.get("/v1/shadow").json()["error"]["code"] == "R612"
    text = client.get("/metrics").text
    assert metric(text, "redactor_errors_total", code="R610") >= 1


def test_full_queue_answers_503_with_retry_after():
    # The first request waits 1.5 s for company in a queue of 2 texts: the second cannot fit.
    with running(settings(queue_texts=2, max_items=2, batch_window=1.5, batch_texts=64)) as (
            client, _):
        with ThreadPoolExecutor(1) as pool:
            first = pool.submit(client.post, "/v1/redact", json={"texts": TEXTS[:2]})
            time.sleep(0.5)
            second = client.post("/v1/redact", json={"text": TEXTS[2]})
            assert second.status_code == 503
            assert int(second.headers["retry-after"]) >= 1  # nothing ran yet: no rate known
            assert second.json()["error"]["code"] == "R608"
            assert first.result().status_code == 200
        assert client.post("/v1/redact", json={"text": TEXTS[2]}).status_code == 200
        assert metric(client.get("/metrics").text, "redactor_errors_total", code="R608") == 1


# --------------------------------------------------------------------------- auth


def test_bearer_token_guards_every_route_but_health():
    with running(settings(api_token=TOKEN)) as (client, _):
        assert client.get("/health").status_code == 200
        for method, route in (("GET", "/ready"), ("GET", "/metrics"), ("POST", "/v1/redact"),
                              ("POST", "/v1/analyze"), ("POST", "/v1/scan")):
            for headers in ({}, {"Authorization": "Bearer wrong"},
                            {"Authorization": f"Basic {TOKEN}"},
                            {"Authorization": f"Bearer {TOKEN}x"}):
                response = client.request(method, route, json={"text": NOTE}, headers=headers)
                assert response.status_code == 401, (route, headers)
                assert response.json()["error"]["code"] == "R601"
                assert response.headers["www-authenticate"] == "Bearer"
            good = client.request(method, route, json={"text": NOTE},
                                  headers={"Authorization": f"Bearer {TOKEN}"})
            assert good.status_code == 200, route


def test_without_a_token_no_auth_is_asked(fast):
    client, _ = fast
    assert client.post("/v1/redact", json={"text": "hi"},
                       headers={"Authorization": "Bearer anything"}).status_code == 200


# --------------------------------------------------------------------------- A/B and shadow


def test_ab_split_is_stable_and_near_the_share(candidate_policy):
    config = settings(candidate_policy=candidate_policy, mode="ab", ab_share=0.3,
                      batch_window=0.0)
    with running(config) as (client, _):
        arms = Counter()
        first_arm = {}
        for i in range(200):
            response = client.post("/v1/analyze", json={"text": NOTE},
                                   headers={"X-Request-Id": f"req-{i}"})
            body = response.json()
            assert body["policy"] == {"main": "fast", "candidate": "fast-patterns"}[body["arm"]]
            arms[body["arm"]] += 1
            first_arm[i] = body["arm"]
        assert abs(arms["candidate"] / 200 - 0.3) < 0.08
        for i in range(0, 200, 20):  # the same id always gets the same arm
            again = client.post("/v1/analyze", json={"text": TEXTS[2]},
                                headers={"X-Request-Id": f"req-{i}"}).json()
            assert again["arm"] == first_arm[i]
        # Without an id the texts decide, so a text goes to the same arm every time.
        by_text = {client.post("/v1/redact", json={"text": NOTE}).json()["arm"]
                   for _ in range(5)}
        assert len(by_text) == 1
        text = client.get("/metrics").text
        served = {"route": "/v1/analyze", "status": "200"}
        assert metric(text, "redactor_http_requests_total", arm="candidate",
                      **served) == arms["candidate"] + sum(
            first_arm[i] == "candidate" for i in range(0, 200, 20))
        assert metric(text, "redactor_entities_total", label="PERSON", arm="candidate") == 0
        assert metric(text, "redactor_entities_total", label="PERSON", arm="main") > 0


def test_shadow_counts_agreement_per_type_off_the_response_path(candidate_policy, tmp_path):
    summary_file = tmp_path / "shadow.json"
    config = settings(candidate_policy=candidate_policy, mode="shadow",
                      shadow_summary=str(summary_file))
    texts = TEXTS * 3
    expected: Counter = Counter()
    main_engine = Engine.from_policy(load_policy(FAST_POLICY)).load()
    cand_engine = Engine.from_policy(load_policy(candidate_policy)).load()
    for mine, theirs in zip(main_engine.analyze(texts), cand_engine.analyze(texts),
                            strict=True):
        expected.update(agreement(mine, theirs))
    assert expected[("PERSON", "main_only")] > 0 and expected[("PHONE_NUMBER", "both")] > 0
    with running(config) as (client, _):
        for text in texts:
            body = client.post("/v1/redact", json={"text": text}).json()
            assert body["arm"] == "main" and body["policy"] == "fast"
        deadline = time.monotonic() + 10
        while client.get("/v1/shadow").json()["requests"] < len(texts):
            assert time.monotonic() < deadline
            time.sleep(0.05)
        live = client.get("/v1/shadow").json()
        metrics_text = client.get("/metrics").text
    for (label, outcome), n in expected.items():
        assert live["total"][label][outcome] == n, (label, outcome)
        assert metric(metrics_text, "redactor_shadow_spans_total", label=label,
                      outcome=outcome) == n
    assert live["total"]["PHONE_NUMBER"]["agreement"] == 1.0
    assert live["total"]["PERSON"]["agreement"] == 0.0
    assert live["texts"] == len(texts) and live["dropped"] == 0
    assert live["window"]["by_type"] == live["total"]
    written = json.loads(summary_file.read_text(encoding="utf-8"))  # final write at shutdown
    assert written["total"] == live["total"] and written["candidate"]["policy"] == "fast-patterns"
    raw = summary_file.read_text(encoding="utf-8") + metrics_text
    assert not any(word in raw for word in ("Zebediah", "Okafor", "Raman", "555-0176"))


# --------------------------------------------------------------------------- the command


def _serve(*args: str, env: dict[str, str] | None = None) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "redactor.cli", "serve", *args],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env={**os.environ, **(env or {})})


def _wait_up(port: int, proc: subprocess.Popen, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert proc.poll() is None, proc.communicate()[1]
        with contextlib.suppress(httpx.TransportError):
            if httpx.get(f"http://127.0.0.1:{port}/health", timeout=1).status_code == 200:
                return
        time.sleep(0.1)
    raise AssertionError("redact serve did not come up")


def test_sigterm_finishes_in_flight_requests_then_exits_0(tmp_path):
    port = free_port()
    proc = _serve("--policy", FAST_POLICY, "--port", str(port), "--batch-window-ms", "3000",
                  "--verbose")
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_up(port, proc)
        with ThreadPoolExecutor(2) as pool:
            pending = [pool.submit(httpx.post, f"{base}/v1/redact", json={"texts": TEXTS},
                                   timeout=30) for _ in range(2)]
            deadline = time.monotonic() + 20  # until both wait in the 3 s collection window
            while metric(httpx.get(f"{base}/metrics").text, "redactor_queue_texts",
                         arm="main") < 2 * len(TEXTS):
                assert time.monotonic() < deadline
                time.sleep(0.05)
            proc.send_signal(signal.SIGTERM)
            answers = [p.result() for p in pending]
        assert [a.status_code for a in answers] == [200, 200]
        assert SECRET not in answers[0].json()["results"][0]["text"]
        _, err = proc.communicate(timeout=30)
        assert proc.returncode == 0, err
        with pytest.raises(httpx.TransportError):
            httpx.get(f"http://127.0.0.1:{port}/health", timeout=2)
        assert "/v1/redact 200" in err  # the request log: route and status ...
        assert SECRET not in err and "Zebediah" not in err  # ... never text
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()


@pytest.mark.parametrize(("args", "env", "message"), [
    (["--policy", "no-such-policy"], {}, "R100"),
    (["--policy", "gdpr"], {"REDACTOR_KEY": ""}, "R400"),
    (["--policy", FAST_POLICY, "--mode", "shadow"], {}, "--mode and --candidate-policy"),
    (["--policy", FAST_POLICY, "--candidate-policy", "no-such-policy", "--mode", "ab"], {},
     "R100"),
])
def test_a_policy_or_key_that_cannot_load_exits_2_before_listening(args, env, message):
    port = free_port()
    proc = _serve(*args, "--port", str(port), env=env)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 2, err
    assert message in err
    assert "Uvicorn running" not in err and "serving" not in err


@pytest.mark.model
def test_default_hipaa_policy_serves_with_its_transformer():
    with running(settings(policy="hipaa", ephemeral_key=True)) as (client, service):
        ready = client.get("/ready").json()
        assert "hf_ner" in ready["arms"]["main"]["models"]
        text = "Patient Kwame Asante, 14 Elm Street, Springfield, phone 617-555-0143."
        body = client.post("/v1/redact", json={"texts": [text, NOTE]}).json()
        expected = Redactor("hipaa", engine=service.arms["main"].engine,
                            key=service.arms["main"].ctx.key).redact_many([text, NOTE])
        assert [r["text"] for r in body["results"]] == [r.text for r in expected]
        assert "Asante" not in body["results"][0]["text"]
        assert any(s["recognizer"].startswith("hf_ner") for r in body["results"]
                   for s in r["spans"])


# --------------------------------------------------------------------------- explanations


def test_explain_gives_each_span_the_explain_json_and_stays_out_of_logs_and_metrics(
        fast, caplog):
    from redactor.review.explain import trace_texts

    client, service = fast
    plain = client.post("/v1/redact", json={"text": NOTE}).json()
    assert "dropped_elsewhere" not in plain and all("explanation" not in s
                                                    for s in plain["spans"])
    with caplog.at_level("DEBUG"):
        body = client.post("/v1/redact", json={"text": NOTE, "explain": True}).json()
    assert body["text"] == plain["text"]  # the same redaction, explained
    assert [{k: v for k, v in s.items() if k != "explanation"} for s in body["spans"]] == \
        plain["spans"]
    (trace,) = trace_texts(service.arms["main"].engine, [NOTE])  # what `redact explain` prints
    expected = trace.to_dict()
    assert [s["explanation"] for s in body["spans"]] == [
        {k: d[k] for k in ("reported_by", "merge", "dropped_here", "rule", "threshold")}
        for d in expected["spans"]]
    assert body["dropped_elsewhere"] == expected["dropped_elsewhere"]
    assert body["overlap_strategy"] == "union_patterns_first.v1"
    person = next(s for s in body["spans"] if s["label"] == "PERSON")
    assert person["explanation"]["rule"]["from"] in ("entities.PERSON", "default")
    assert NOTE[person["start"] : person["end"]] == SECRET
    assert {m["text"] for m in person["explanation"]["reported_by"]} <= {  # it quotes the text
        SECRET, *SECRET.split()}
    assert person["explanation"]["threshold"]["value"] > 0
    metrics = client.get("/metrics").text
    assert metric(metrics, "redactor_model_batch_texts_count", arm="main", op="explain") >= 1
    assert "Zebediah" not in metrics and "Zebediah" not in caplog.text


def test_explain_in_a_batch_analyze_request_and_its_bad_values(fast):
    client, _ = fast
    body = client.post("/v1/analyze", json={"texts": TEXTS, "explain": True}).json()
    plain = client.post("/v1/analyze", json={"texts": TEXTS, "explain": False}).json()
    assert len(body["results"]) == len(TEXTS)
    for explained, result in zip(body["results"], plain["results"], strict=True):
        assert [{k: v for k, v in s.items() if k != "explanation"}
                for s in explained["spans"]] == result["spans"]
        for span in explained["spans"]:
            members = span["explanation"]["reported_by"]
            assert members and all(m["kept"] for m in members)
            assert span["explanation"]["merge"]["members"] == len(members)
    for route, payload, code in (
            ("/v1/redact", {"text": SECRET, "explain": "yes"}, "R603"),
            ("/v1/analyze", {"texts": [SECRET], "explain": 1}, "R603"),
            ("/v1/scan", {"text": SECRET, "explain": True}, "R603")):  # no spans to explain
        response = client.post(route, json=payload)
        assert response.status_code == 422, (route, response.text)
        assert response.json()["error"]["code"] == code and "Zebediah" not in response.text
