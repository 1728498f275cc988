#pragma once

#include "core/plan/Plan.h"

#include <QWidget>

#include <vector>

class QComboBox;
class QTableWidget;
class QToolButton;

namespace stampede {

// A step's captures: where each value comes from (JSON body, header, regex), the expression
// that finds it, and the variable it becomes, as a small table with add and remove buttons.
// A row with neither expression nor variable is not a capture, as a blank header row is not
// a header.
class CapturesEditor : public QWidget {
    Q_OBJECT
public:
    explicit CapturesEditor(QWidget* parent = nullptr);

    std::vector<Capture> captures() const;
    void setCaptures(const std::vector<Capture>& captures);
    // Marks the cell of capture `index` (as counted in captures()) that `key` names: "as" the
    // variable, anything else ("json", "regex", "header") the expression; -1 clears.
    void markCell(int index, const QString& key);

signals:
    void changed();

private:
    void appendRow(const Capture& capture);
    void addRow();
    void removeRow();
    bool isBlank(int row) const;
    QComboBox* fromBox(int row) const;
    QString text(int row, int column) const;

    QTableWidget* table_;
    QToolButton* add_;
    QToolButton* remove_;
};

} // namespace stampede
