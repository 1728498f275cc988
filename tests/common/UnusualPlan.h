#pragma once

#include "core/plan/Plan.h"

// A plan with every field away from its default, so a field the writer or reader forgets
// shows up as a difference.
inline stampede::Plan unusualPlan() {
    using namespace stampede;
    using namespace std::chrono_literals;
    Plan plan;
    plan.name = "checkout \"smoke\" — ünïcode";
    plan.url = "https://example.com:8443/api/v1?x=1&y=2";
    plan.method = HttpMethod::Patch;
    plan.headers = {{"Accept", "application/json"}, {"X-Token", "a\tb \"c\""}};
    plan.body = "{\"sku\": 42}\n";
    plan.contentType = "application/json";
    plan.timeout = 1234ms;
    plan.connectTimeout = 5678ms;
    plan.keepAlive = false;
    plan.httpVersion = HttpVersion::Http2PriorKnowledge;
    plan.verifyTls = false;
    // Any file every Linux machine has: a plan is only checked for being able to read it.
    plan.caCertFile = "/etc/passwd";
    plan.followRedirects = true;
    plan.maxRedirects = 3;
    plan.engine = Engine::Curl; // https with HTTP/2: native could not serve it
    plan.load.model = LoadShape::Model::Open;
    plan.load.users = 7;
    plan.load.thinkTime = 250ms;
    plan.load.rate = 1000.0 / 3; // no short decimal: the writer must keep every digit
    plan.load.maxInFlight = 99;
    plan.load.threads = 3;
    plan.load.stages = {{1500ms, 0.1}, {2001ms, 0}, {1ms, 1e7}};
    plan.duration = 1234567ms;
    plan.requestLimit = 987654321;
    plan.thresholds = {"p99<250ms", "errors<1%"};
    return plan;
}
