#pragma once

#include <QLabel>

namespace stampede {

// The plain-language panel beside each demo: what you are seeing and why. Rich text, so a
// page can put the one word that matters in bold.
class ExplanationPanel : public QLabel {
    Q_OBJECT
public:
    explicit ExplanationPanel(const QString& html, QWidget* parent = nullptr);
};

} // namespace stampede
