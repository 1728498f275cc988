#include "core/report/JUnitReport.h"

#include "core/report/ReportDirectory.h"

#include <QXmlStreamWriter>

#include <algorithm>

namespace stampede {

QByteArray junitXml(const std::string& suite, const std::vector<JUnitCase>& cases, double seconds) {
    QByteArray out;
    QXmlStreamWriter xml(&out);
    xml.setAutoFormatting(true);
    xml.writeStartDocument();
    const auto failures =
        std::count_if(cases.begin(), cases.end(), [](const JUnitCase& c) { return !c.passed; });
    const QString name = QString::fromStdString(suite);
    const QString time = QString::number(seconds, 'f', 3);
    xml.writeStartElement("testsuites");
    xml.writeAttribute("name", name);
    xml.writeAttribute("tests", QString::number(cases.size()));
    xml.writeAttribute("failures", QString::number(failures));
    xml.writeAttribute("time", time);
    xml.writeStartElement("testsuite");
    xml.writeAttribute("name", name);
    xml.writeAttribute("tests", QString::number(cases.size()));
    xml.writeAttribute("failures", QString::number(failures));
    xml.writeAttribute("errors", "0");
    xml.writeAttribute("time", time);
    for (const JUnitCase& c : cases) {
        xml.writeStartElement("testcase");
        xml.writeAttribute("classname", name);
        xml.writeAttribute("name", QString::fromStdString(c.name));
        if (!c.passed) {
            xml.writeStartElement("failure");
            xml.writeAttribute("message", QString::fromStdString(c.message));
            xml.writeCharacters(QString::fromStdString(c.message));
            xml.writeEndElement();
        } else {
            xml.writeTextElement("system-out", QString::fromStdString(c.message));
        }
        xml.writeEndElement();
    }
    xml.writeEndDocument();
    return out;
}

std::optional<std::string> writeJUnit(const QString& path, const std::string& suite,
                                      const std::vector<JUnitCase>& cases, double seconds) {
    return saveFile(path, junitXml(suite, cases, seconds));
}

} // namespace stampede
