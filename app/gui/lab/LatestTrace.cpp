#include "app/gui/lab/LatestTrace.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QStandardPaths>

namespace stampede {

void LatestTrace::set(std::function<Trace()> make, QString name) {
    make_ = std::move(make);
    name_ = std::move(name);
}

std::optional<std::string> LatestTrace::saveTo(const QString& path) const {
    if (!make_)
        return "no run to save: start one first";
    return writeTrace(make_(), path);
}

void LatestTrace::save(QWidget* parent) {
    if (!make_)
        return;
    if (folder_.isEmpty())
        folder_ = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString path =
        QFileDialog::getSaveFileName(parent, tr("Save trace"), QDir(folder_).filePath(name_),
                                     tr("Chrome/Perfetto trace (*.json);;All files (*)"));
    if (path.isEmpty())
        return;
    folder_ = QFileInfo(path).absolutePath();
    if (const auto error = saveTo(path))
        QMessageBox::warning(parent, tr("Save trace"), QString::fromStdString(*error));
}

} // namespace stampede
