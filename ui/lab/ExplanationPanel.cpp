#include "ui/lab/ExplanationPanel.h"

namespace stampede {

ExplanationPanel::ExplanationPanel(const QString& html, QWidget* parent)
    : QLabel(html, parent) {
    setObjectName("explanation");
    setTextFormat(Qt::RichText);
    setWordWrap(true);
    setAlignment(Qt::AlignTop | Qt::AlignLeft);
    setFrameShape(QFrame::StyledPanel);
    setMargin(8);
    setBackgroundRole(QPalette::AlternateBase);
    setAutoFillBackground(true);
}

} // namespace stampede
