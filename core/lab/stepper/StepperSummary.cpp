#include "core/lab/stepper/StepperSummary.h"

#include "core/text/Printf.h"

#include <QJsonArray>

namespace stampede {

std::string scheduleCountText(const StepProgram& program, const ScheduleCount& all) {
    std::string text = std::to_string(all.total) + " schedules:";
    bool first = true;
    if (program.expected() == 0) { // nothing counted: a schedule finishes or deadlocks
        std::size_t finished = 0;
        for (const auto& [counter, schedules] : all.byCounter)
            finished += schedules;
        text += " " + std::to_string(finished) + " finish";
        first = false;
    } else
        for (auto it = all.byCounter.rbegin(); it != all.byCounter.rend(); ++it) {
            text += (first ? " " : ", ") + std::to_string(it->second) + " end at " +
                    std::to_string(it->first);
            if (program.locks == 0 && it->first < program.expected())
                text += " (lost " + std::to_string(program.expected() - it->first) + ")";
            first = false;
        }
    if (all.deadlocks > 0)
        text += (first ? " " : ", ") + std::to_string(all.deadlocks) + " deadlock";
    return text;
}

std::string verdictText(const StepMachine& machine) {
    const StepProgram& program = machine.program();
    if (machine.deadlocked()) {
        std::string who;
        for (int t = 0; t < machine.threads(); ++t)
            if (const auto why = machine.whyNot(t); why && !machine.done(t))
                who += (who.empty() ? "" : "; ") + *why;
        return "deadlock: " + who;
    }
    if (!machine.finished())
        return "not finished yet";
    if (program.expected() == 0)
        return "every thread finished";
    const int lost = program.expected() - machine.counter();
    return "counter " + std::to_string(machine.counter()) + ", expected " +
           std::to_string(program.expected()) +
           (lost > 0 ? ": " + std::to_string(lost) + (lost == 1 ? " update was" : " updates were") +
                           " lost"
                     : ": no update lost");
}

std::string summaryText(const StepperOptions&, const StepperProgress& p) {
    if (!p.program)
        return "Stepper: nothing ran\n";
    const StepProgram& program = *p.program;
    std::string text = "Stepper: " + program.title + "\n";
    for (std::size_t t = 0; t < program.threads.size(); ++t) {
        text += "  " + stepThreadName(int(t)) + ":";
        for (std::size_t i = 0; i < program.threads[t].size(); ++i)
            text += (i ? ", " : " ") + stepText(program.threads[t][i], int(t));
        text += "\n";
    }
    text += "  replayed on real threads (step-1, …): " + scheduleText(p.schedule) + "\n";
    if (p.replayed) {
        for (std::size_t i = 0; i < p.replayed->records.size(); ++i) {
            const StepRecord& r = p.replayed->records[i];
            const ThreadStep& step = program.threads[std::size_t(r.thread)][std::size_t(r.step)];
            std::string what = stepText(step, r.thread);
            // Pad to 22 characters, not bytes: the arrows are three bytes each.
            std::size_t shown = 0;
            for (const char c : what)
                shown += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
            what.append(shown < 22 ? 22 - shown : 0, ' ');
            text += printed("  %3zu. %s  %s counter %d  r%d = %d\n", i + 1,
                            stepThreadName(r.thread).c_str(), what.c_str(), r.counter, r.thread + 1,
                            r.reg);
        }
        text += "  " + verdictText(p.replayed->model) + "\n";
    }
    text += "  all " + scheduleCountText(program, p.all) + "\n";
    return text;
}

QJsonObject summaryJson(const StepperOptions&, const StepperProgress& p) {
    QJsonObject json{{"schedule", QString::fromStdString(scheduleText(p.schedule))}};
    if (!p.program)
        return json;
    const StepProgram& program = *p.program;
    json["program"] = QString::fromStdString(program.name);
    json["threads"] = int(program.threads.size());
    json["expected"] = program.expected();
    if (p.replayed) {
        QJsonArray steps;
        for (const StepRecord& r : p.replayed->records)
            steps.append(QJsonObject{
                {"thread", r.thread + 1},
                {"step",
                 QString::fromStdString(stepText(
                     program.threads[std::size_t(r.thread)][std::size_t(r.step)], r.thread))},
                {"counter", r.counter},
                {"register", r.reg}});
        json["steps"] = steps;
        json["counter"] = p.replayed->model.counter();
        json["deadlocked"] = p.replayed->model.deadlocked();
        json["finished"] = p.replayed->model.finished();
    }
    QJsonObject byCounter;
    for (const auto& [counter, schedules] : p.all.byCounter)
        byCounter[QString::number(counter)] = qint64(schedules);
    json["all_schedules"] = QJsonObject{{"total", qint64(p.all.total)},
                                        {"by_counter", byCounter},
                                        {"deadlocks", qint64(p.all.deadlocks)}};
    return json;
}

bool succeeded(const StepperOptions&, const StepperProgress& p) {
    return p.replayed.has_value() && !p.failed();
}

} // namespace stampede
