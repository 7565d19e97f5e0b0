#!/usr/bin/env python3
"""The rolling restart's figures per phase, from HAProxy's request log (what clients were answered) and the
restart's events (cluster.sh restart; "epoch_ms event instance" lines, plus "measured" and "end" written by
rolling-restart.sh around Gatling's measured phase).

usage: phase-report.py HAPROXY_LOG EVENTS

A phase runs from one event to the next: steady, then per instance "draining" (SIGTERM to exit: it answers
503 on /health and HAProxy takes it out, it finishes what it holds) and "starting" (exit to back in rotation).
Failures by kind, as the issue counts them: connection errors (HAProxy got no answer: status -1 or a
termination state saying the server side broke), 5xx other than 503, 503 from an instance, 503 from the edge
(HAProxy's own, with Retry-After: its queue timed out), and 4xx (the mixed scenario sends none on purpose). Exit status 1 when any request failed other than a 503 shed with Retry-After.
"""
import re
import sys

LINE = re.compile(r'^(\d+)\.(\d{3}) (\S+) (\S+) (-?\d+) (-?\d+) (-?\d+) (\S{4}) (\S+) \{([^}]*)\}')


def percentile(values, p):
    if not values:
        return float('nan')
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(p / 100.0 * len(ordered)))]


def phases(events):
    """[(name, start_ms, end_ms)] from the events file."""
    marks = [(int(ms), kind, who) for ms, kind, who in (line.split() for line in events if line.strip())]
    start = next(ms for ms, kind, _ in marks if kind == 'measured')
    end = next(ms for ms, kind, _ in marks if kind == 'end')
    result, name, since = [], 'steady', start
    for ms, kind, who in marks:
        if kind == 'sigterm':
            result.append((name, since, ms)); name, since = who + ' draining', ms
        elif kind == 'exited':
            result.append((name, since, ms)); name, since = who + ' starting', ms
        elif kind == 'in':
            result.append((name, since, ms)); name, since = 'steady', ms
    result.append((name, since, end))
    return [(n, a, b) for n, a, b in result if b > a]


def kind(status, termination, retry_after):
    """The failure kind of one logged request, None for an answer the scenario expects (2xx, 3xx)."""
    if termination.startswith('sQ') and status == 503:
        return '503 shed at the edge'
    if status < 0 or termination[0] != '-':
        # HAProxy's termination state: S/s the server side broke or timed out (a 503 with 'SC' is a connect
        # failure HAProxy answered itself), C/c the client side, others HAProxy's own limits.
        return 'connection error ' + termination[0:2]
    if status == 503 and retry_after:
        return '503 shed by an instance'
    if status == 503:
        return '503 without Retry-After'
    if status >= 500:
        return '5xx other than 503'
    if status >= 400:
        return '4xx'
    return None


def main(log_path, events_path):
    with open(events_path) as events:
        spans = phases(events)
    requests = []
    with open(log_path) as log:
        for line in log:
            match = LINE.match(line)
            if match:
                seconds, millis, method, path, status, total, _queue, termination, server, retry_after = match.groups()
                requests.append((int(seconds) * 1000 + int(millis), path, int(status), int(total), termination,
                                 retry_after))
    failed_hard = 0
    print('phase                 length  requests  answers other than 2xx by kind            users/me p99  all p99')
    for name, start, end in spans:
        inside = [r for r in requests if start <= r[0] < end]
        failures = {}
        for _, path, status, _, termination, retry_after in inside:
            k = kind(status, termination, retry_after)
            if k:
                failures[k] = failures.get(k, 0) + 1
        failed_hard += sum(n for k, n in failures.items() if not k.startswith('503 shed'))
        me = [r[3] for r in inside if r[1] == '/api/v1/users/me' and r[2] == 200]
        every = [r[3] for r in inside if r[2] < 500]
        text = ', '.join('%s %d' % item for item in sorted(failures.items())) or 'none'
        print('%-20s %6.1f s %9d  %-40s %8s ms %6s ms' % (name, (end - start) / 1000.0, len(inside), text,
              percentile(me, 99), percentile(every, 99)))
    total = [r for r in requests if spans[0][1] <= r[0] < spans[-1][2]]
    shed = sum(1 for r in total if r[2] == 503 and (r[5] or r[4].startswith('sQ')))
    print('all phases: %d requests, %d failed, %d shed with 503 + Retry-After' % (len(total), failed_hard, shed))
    return 1 if failed_hard else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1], sys.argv[2]))
