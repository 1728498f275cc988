#pragma once

#include "core/plan/Plan.h"

#include <QWidget>

class QComboBox;
class QLineEdit;
class QPlainTextEdit;
class QStackedWidget;
class QToolButton;

namespace stampede {

// A step's body: typed text, typed JSON (the same text, sent as application/json), or a file
// sent as is, and its Content-Type. Only the chosen source goes into the step; the other keeps
// its text, so switching back loses nothing. {{slots}} in the text are marked.
class BodyEditor : public QWidget {
    Q_OBJECT
public:
    explicit BodyEditor(QWidget* parent = nullptr);

    void readInto(Step& step) const; // body, bodyFile, contentType
    void showStep(const Step& step);
    QString text() const;

signals:
    void changed();

private:
    enum Source { Text, Json, File };
    void chooseFile();
    void sourceChosen(int index);
    bool fromFile() const;

    QComboBox* source_;
    QComboBox* contentType_;
    QStackedWidget* stack_;
    QPlainTextEdit* text_;
    QLineEdit* file_;
    QToolButton* browse_;
};

} // namespace stampede
