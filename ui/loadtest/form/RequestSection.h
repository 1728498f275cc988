#pragma once

#include "core/plan/Plan.h"

#include <QWidget>

class QComboBox;
class QLineEdit;

namespace stampede {

class BodyEditor;
class FieldProblems;
class HeadersEditor;

// The form's "Request" tab: what each request is — URL, method, headers and body.
class RequestSection : public QWidget {
    Q_OBJECT
public:
    RequestSection(FieldProblems* problems, QWidget* parent = nullptr);

    void readInto(Plan& plan) const;
    void showPlan(const Plan& plan);
    void setEmbeddedTargetUrl(const QString& url);

signals:
    void changed();

private:
    QLineEdit* url_;
    QComboBox* method_;
    HeadersEditor* headers_;
    BodyEditor* body_;
};

} // namespace stampede
