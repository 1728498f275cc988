#pragma once

#include "core/plan/Plan.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QTableWidget;
class QToolButton;

namespace stampede {

// The scenario's data file: a CSV whose columns become {{variables}}, each iteration taking
// the next row, and what happens when the rows run out. Shows the columns and the first rows,
// so the user sees the names to write; why a file cannot be used is the plan check's to say.
class DataFileEditor : public QWidget {
    Q_OBJECT
public:
    static constexpr int kPreviewRows = 5;

    explicit DataFileEditor(QWidget* parent = nullptr);

    DataSource source() const;
    void showSource(const DataSource& source);
    QLineEdit* pathField() const { return path_; }

signals:
    void changed();

private:
    void chooseFile();
    void preview();

    QLineEdit* path_;
    QToolButton* browse_;
    QComboBox* atEnd_;
    QLabel* columns_;
    QTableWidget* rows_;
    QString previewed_; // the path the preview shows, so an unrelated edit does not reread it
};

} // namespace stampede
