#pragma once

#include <QWidget>

class QListWidget;
class QStackedWidget;

namespace stampede {

// The Concurrency lab workspace: a list of demos on the left, the chosen demo's page on the
// right. Pages are added by app/, which also wires each one to its demo in core/.
class ConcurrencyLab : public QWidget {
    Q_OBJECT
public:
    explicit ConcurrencyLab(QWidget* parent = nullptr);

    void addDemo(const QString& title, QWidget* page);
    int demoCount() const;
    QWidget* demo(int index) const;
    void showDemo(int index);

private:
    QListWidget* list_;
    QStackedWidget* pages_;
};

} // namespace stampede
