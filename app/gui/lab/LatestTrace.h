#pragma once

#include "core/trace/Trace.h"

#include <QObject>
#include <QString>

#include <functional>
#include <optional>
#include <string>

class QWidget;

namespace stampede {

// The trace of a page's last ended run, made only when someone saves it (a long π run has
// thousands of spans). One per page, shared by the page's controllers (π's run and sweep):
// whichever ended last is what Save trace writes.
class LatestTrace : public QObject {
    Q_OBJECT
public:
    explicit LatestTrace(QObject* parent = nullptr)
        : QObject(parent) {}

    // `name`: the file name to suggest, such as "semaphore-trace.json".
    void set(std::function<Trace()> make, QString name);
    void clear() { make_ = nullptr; }
    bool available() const { return bool(make_); }

    // Writes the trace to `path`; the error names it.
    std::optional<std::string> saveTo(const QString& path) const;
    // Asks where, over `parent`, writes, and says so if it could not.
    void save(QWidget* parent);

private:
    std::function<Trace()> make_;
    QString name_;
    QString folder_;
};

} // namespace stampede
