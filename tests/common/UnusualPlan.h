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
    plan.steps.front().method = HttpMethod::Patch;
    plan.steps.front().headers = {{"Accept", "application/json"}, {"X-Token", "a\tb \"c\""}};
    plan.steps.front().body = "{\"sku\": 42}\n";
    plan.steps.front().contentType = "application/json";
    plan.steps.front().name = "create the order";
    plan.steps.front().url = "/orders";
    plan.steps.front().thinkTime = 15ms;
    plan.steps.front().expectStatus = "201, 3xx";
    plan.steps.front().captures = {{Capture::From::Json, "$.items[0].id", "order_id"},
                                   {Capture::From::Header, "Location", "where"},
                                   {Capture::From::Regex, "token=(\\w+)", "token"}};
    Step& second = plan.steps.emplace_back();
    second.method = HttpMethod::Delete;
    second.url = "https://example.com:8443/orders/{{order_id}}?u={{user}}";
    second.headers = {{"Authorization", "Bearer {{token}}"}};
    second.bodyFile = "/etc/passwd";
    // A data file is read when the plan is checked: its round trip is tested with a real one.
    plan.data.atEnd = DataSource::AtEnd::Stop;
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
