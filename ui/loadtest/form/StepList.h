#pragma once

#include "core/plan/Plan.h"

#include <QWidget>

#include <vector>

class QTableWidget;
class QToolButton;

namespace stampede {

// The scenario's steps in order, one row each (its name, and "METHOD url"), with buttons to
// add, remove, duplicate and move the selected one. It shows the steps and asks for changes;
// the section that owns them makes them.
class StepList : public QWidget {
    Q_OBJECT
public:
    explicit StepList(QWidget* parent = nullptr);

    void setSteps(const std::vector<Step>& steps, int current);
    void updateStep(int index, const Step& step);
    int current() const;
    void setCurrent(int index);
    // Marks the row of a step with a problem; -1 clears.
    void markStep(int index);
    QTableWidget* table() const { return table_; }

signals:
    void currentChanged(int index);
    void addRequested();
    void removeRequested();
    void duplicateRequested();
    void moveRequested(int by); // -1 up, +1 down

private:
    void fillRow(int row, const Step& step);
    void enableButtons();

    QTableWidget* table_;
    QToolButton* add_;
    QToolButton* remove_;
    QToolButton* duplicate_;
    QToolButton* up_;
    QToolButton* down_;
    int marked_ = -1;
};

} // namespace stampede
