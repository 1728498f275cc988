#include "ui/loadtest/form/CurlImportSummary.h"

#include <QCoreApplication>

namespace stampede {
namespace {

constexpr qsizetype kShownBodyChars = 160;

QString tr(const char* text) {
    return QCoreApplication::translate("CurlImportSummary", text);
}

QString shownBody(const std::string& body) {
    QString text = QString::fromStdString(body).simplified();
    if (text.size() > kShownBodyChars)
        text = text.left(kShownBodyChars) + "…";
    return tr("Body (%1 bytes): %2").arg(body.size()).arg(text);
}

QString onOff(bool on) {
    return on ? tr("on") : tr("off");
}

QString httpVersionLabel(HttpVersion version) {
    switch (version) {
    case HttpVersion::Http1_1:
        return "HTTP/1.1";
    case HttpVersion::Http2:
        return "HTTP/2";
    case HttpVersion::Http2PriorKnowledge:
        return tr("HTTP/2 with prior knowledge");
    }
    return {};
}

// What one step sends beyond its method and URL, each line after `indent`.
void describeStep(QStringList& lines, const Step& step, const QString& indent) {
    for (const HttpHeader& header : step.headers)
        lines << indent + tr("Header %1: %2")
                              .arg(QString::fromStdString(header.name),
                                   QString::fromStdString(header.value));
    if (!step.contentType.empty())
        lines << indent + tr("Content-Type: %1").arg(QString::fromStdString(step.contentType));
    if (!step.body.empty())
        lines << indent + shownBody(step.body);
    if (!step.bodyFile.empty())
        lines << indent + tr("Body from file: %1").arg(QString::fromStdString(step.bodyFile));
}

} // namespace

QStringList curlImportSummary(const Plan& imported, const Plan& base) {
    QStringList lines;
    if (imported.steps.size() == 1) {
        const Step& step = imported.steps.front();
        lines << QString("%1 %2").arg(QString::fromUtf8(methodName(step.method).data()),
                                      QString::fromStdString(imported.url));
        describeStep(lines, step, {});
    } else {
        lines << tr("%1 steps on the base URL %2")
                     .arg(imported.steps.size())
                     .arg(QString::fromStdString(imported.url));
        for (std::size_t i = 0; i < imported.steps.size(); ++i) {
            const Step& step = imported.steps[i];
            lines << tr("Step %1: %2 %3")
                         .arg(i + 1)
                         .arg(QString::fromUtf8(methodName(step.method).data()),
                              QString::fromStdString(step.url));
            describeStep(lines, step, QStringLiteral("    "));
        }
    }

    if (imported.verifyTls != base.verifyTls)
        lines << tr("TLS verification: %1").arg(onOff(imported.verifyTls));
    if (imported.caCertFile != base.caCertFile)
        lines << tr("CA certificates from: %1").arg(QString::fromStdString(imported.caCertFile));
    if (imported.httpVersion != base.httpVersion)
        lines << tr("HTTP version: %1").arg(httpVersionLabel(imported.httpVersion));
    if (imported.keepAlive != base.keepAlive)
        lines << tr("Keep-alive: %1").arg(onOff(imported.keepAlive));
    if (imported.followRedirects != base.followRedirects)
        lines << tr("Follow redirects: %1").arg(onOff(imported.followRedirects));
    if (imported.maxRedirects != base.maxRedirects)
        lines << tr("Max redirects: %1").arg(imported.maxRedirects);
    if (imported.timeout != base.timeout)
        lines << tr("Timeout: %1 ms").arg(imported.timeout.count());
    if (imported.connectTimeout != base.connectTimeout)
        lines << tr("Connect timeout: %1 ms").arg(imported.connectTimeout.count());
    return lines;
}

} // namespace stampede
