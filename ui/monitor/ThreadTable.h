#pragma once

#include "core/monitor/ThreadSample.h"

#include <QTableWidget>

#include <vector>

namespace stampede {

// Every thread of the process: name, state in words, CPU % and the core it last ran on.
class ThreadTable : public QTableWidget {
    Q_OBJECT
public:
    // The thread id is in the name's tooltip: a fifth column would not fit a narrow dock.
    enum Column { Name, State, Cpu, Core, ColumnCount };

    explicit ThreadTable(QWidget* parent = nullptr);

    void showThreads(const std::vector<ThreadSample>& threads);

protected:
    void changeEvent(QEvent* event) override;

private:
    void fitRowsToFont();
    void setCell(int row, int column, const QString& text, Qt::Alignment alignment);
};

} // namespace stampede
