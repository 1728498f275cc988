#pragma once

// Runs a plan on a fresh LoadEngine to its end and returns the report, or fails the test with
// the reason the run could not start (the Qt Test macros need a void function, hence the out
// parameter).
#include "core/engine/LoadEngine.h"
#include "tests/integration/CollectingSink.h"

#include <QTest>

#include <chrono>
#include <string>

inline stampede::Plan closedRunOf(int users, std::uint64_t requests) {
    stampede::Plan plan;
    plan.load.users = users;
    plan.requestLimit = requests;
    plan.duration = std::chrono::seconds(30); // a bound, should a run hang
    return plan;
}

inline void runToEnd(const stampede::Plan& plan, const std::string& url,
                     stampede::RunReport& report) {
    stampede::LoadEngine engine;
    auto sink = std::make_shared<CollectingSink>();
    if (const auto error = engine.start(plan, url, sink))
        QFAIL(("the run did not start: " + *error).c_str());
    QVERIFY2(engine.wait(std::chrono::seconds(60)), "the run did not end within a minute");
    QVERIFY(sink->report().has_value());
    report = *sink->report();
}
