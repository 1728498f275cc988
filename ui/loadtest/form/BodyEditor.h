#pragma once

#include "core/plan/Plan.h"

#include <QWidget>

class QComboBox;
class QLineEdit;
class QPlainTextEdit;
class QStackedWidget;
class QToolButton;

namespace stampede {

// The request body: typed text or a file sent as is, and its Content-Type. Only the chosen
// source goes into the plan; the other keeps its text, so switching back loses nothing.
class BodyEditor : public QWidget {
    Q_OBJECT
public:
    explicit BodyEditor(QWidget* parent = nullptr);

    void readInto(Plan& plan) const; // body, bodyFile, contentType
    void showPlan(const Plan& plan);

signals:
    void changed();

private:
    void chooseFile();
    bool fromFile() const;

    QComboBox* source_;
    QComboBox* contentType_;
    QStackedWidget* stack_;
    QPlainTextEdit* text_;
    QLineEdit* file_;
    QToolButton* browse_;
};

} // namespace stampede
