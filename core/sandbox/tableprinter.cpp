// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "tableprinter.h"

#include "tableformat.h"
#include "tableprinterparts.h"

#include <QJsonDocument>
#include <QRegularExpression>

// The printers of the built-in kinds are in tableprinters<part>.cpp, by API group
// (tableprinterparts.h); this file has CRD printer columns, the default and the Table itself.

namespace Qluster {

using namespace TableFormat;

namespace {

using ColumnsPrinter = QJsonArray (*)(const ResourceType &);
using CellsPrinter = std::optional<QJsonArray> (*)(const ResourceType &, const QJsonObject &, const QDateTime &);

const ColumnsPrinter columnsPrinters[] = {TablePrinterParts::coreColumns, TablePrinterParts::workloadsColumns,
                                          TablePrinterParts::networkingColumns, TablePrinterParts::clusterColumns};
const CellsPrinter cellsPrinters[] = {TablePrinterParts::coreCells, TablePrinterParts::workloadsCells,
                                      TablePrinterParts::networkingCells, TablePrinterParts::clusterCells};

} // namespace

TablePrinter::IncludeObject TablePrinter::parseIncludeObject(const QString &value)
{
    if (value == QLatin1String("None"))
        return IncludeObject::None;
    if (value == QLatin1String("Object"))
        return IncludeObject::Object;
    return IncludeObject::Metadata;
}

QString TablePrinter::humanDuration(qint64 seconds)
{
    if (seconds < -1)
        return QStringLiteral("<invalid>");
    if (seconds < 0)
        return QStringLiteral("0s");
    if (seconds < 60 * 2)
        return QStringLiteral("%1s").arg(seconds);
    const qint64 minutes = seconds / 60;
    if (minutes < 10) {
        const qint64 s = seconds % 60;
        return s == 0 ? QStringLiteral("%1m").arg(minutes) : QStringLiteral("%1m%2s").arg(minutes).arg(s);
    }
    if (minutes < 60 * 3)
        return QStringLiteral("%1m").arg(minutes);
    const qint64 hours = minutes / 60;
    if (hours < 8) {
        const qint64 m = minutes % 60;
        return m == 0 ? QStringLiteral("%1h").arg(hours) : QStringLiteral("%1h%2m").arg(hours).arg(m);
    }
    if (hours < 48)
        return QStringLiteral("%1h").arg(hours);
    if (hours < 24 * 8) {
        const qint64 h = hours % 24;
        return h == 0 ? QStringLiteral("%1d").arg(hours / 24)
                      : QStringLiteral("%1d%2h").arg(hours / 24).arg(h);
    }
    if (hours < 24 * 365 * 2)
        return QStringLiteral("%1d").arg(hours / 24);
    if (hours < 24 * 365 * 8) {
        const qint64 d = (hours / 24) % 365;
        return d == 0 ? QStringLiteral("%1y").arg(hours / 24 / 365)
                      : QStringLiteral("%1y%2d").arg(hours / 24 / 365).arg(d);
    }
    return QStringLiteral("%1y").arg(hours / 24 / 365);
}

QJsonValue TablePrinter::evaluateJsonPath(const QJsonObject &object, const QString &path)
{
    // Tokens: .field, [n], [?(@.key=="value")] (also with single quotes or without quotes).
    static const QRegularExpression token(QStringLiteral(
        R"(\.([A-Za-z0-9_\-]+)|\[(\d+)\]|\[\?\(@\.([A-Za-z0-9_\-]+)\s*==\s*['"]?([^'"\)]*)['"]?\)\])"));
    QString p = path.trimmed();
    if (p.startsWith(QLatin1Char('{')) && p.endsWith(QLatin1Char('}')))
        p = p.mid(1, p.size() - 2);
    if (p.startsWith(QLatin1Char('$')))
        p = p.mid(1);
    QJsonValue v = object;
    qsizetype pos = 0;
    while (pos < p.size()) {
        const auto m = token.match(p, pos, QRegularExpression::NormalMatch,
                                   QRegularExpression::AnchorAtOffsetMatchOption);
        if (!m.hasMatch())
            return QJsonValue::Null;
        pos = m.capturedEnd();
        if (m.capturedLength(1) > 0) {
            if (!v.isObject())
                return QJsonValue::Null;
            v = v.toObject().value(m.captured(1));
        } else if (m.capturedLength(2) > 0) {
            const QJsonArray a = v.toArray();
            const int i = m.captured(2).toInt();
            if (i >= a.size())
                return QJsonValue::Null;
            v = a.at(i);
        } else {
            QJsonValue found = QJsonValue::Undefined;
            for (const QJsonValue &e : v.toArray()) {
                const QJsonValue field = e.toObject().value(m.captured(3));
                const QString text = field.isString() ? field.toString()
                                                      : QString::fromUtf8(QJsonDocument(QJsonArray{field}).toJson(QJsonDocument::Compact)).mid(1).chopped(1);
                if (text == m.captured(4)) {
                    found = e;
                    break;
                }
            }
            v = found;
        }
        if (v.isUndefined())
            return QJsonValue::Null;
    }
    return v.isUndefined() ? QJsonValue(QJsonValue::Null) : v;
}

QJsonArray TablePrinter::columnDefinitions(const ResourceType &type)
{
    if (type.isCustom && !type.printerColumns.isEmpty()) {
        QJsonArray a;
        a.append(column(QStringLiteral("Name"), QStringLiteral("string"), QStringLiteral("name"),
                        QLatin1String(nameDescription), 0));
        bool hasAge = false;
        for (const PrinterColumn &c : type.printerColumns) {
            a.append(column(c.name, c.type, c.format, c.description, c.priority));
            hasAge = hasAge || c.jsonPath == QLatin1String(".metadata.creationTimestamp");
        }
        if (!hasAge)
            a.append(column(QStringLiteral("Age"), QStringLiteral("date"), QString(),
                            QLatin1String(ageDescription), 0));
        return a;
    }
    for (const ColumnsPrinter printer : columnsPrinters) {
        if (const QJsonArray partColumns = printer(type); !partColumns.isEmpty())
            return partColumns;
    }
    // The apiserver's default table convertor.
    return columns({nameCol, {"Created At", "date", ageDescription, 0, ""}});
}

QJsonObject TablePrinter::row(const ResourceType &type, const QJsonObject &o, IncludeObject include,
                              const QDateTime &now)
{
    QJsonArray cells;
    const QString name = str(o, {"metadata", "name"});
    if (type.isCustom && !type.printerColumns.isEmpty()) {
        cells << name;
        bool hasAge = false;
        for (const PrinterColumn &c : type.printerColumns) {
            const QJsonValue v = evaluateJsonPath(o, c.jsonPath);
            hasAge = hasAge || c.jsonPath == QLatin1String(".metadata.creationTimestamp");
            if (c.type == QLatin1String("date") && v.isString())
                cells << sinceTime(v.toString(), now);
            else if (v.isArray() || v.isObject())
                cells << QString::fromUtf8(QJsonDocument(v.isArray() ? QJsonDocument(v.toArray())
                                                                     : QJsonDocument(v.toObject()))
                                               .toJson(QJsonDocument::Compact));
            else
                cells << v;
        }
        if (!hasAge)
            cells << age(o, now);
    } else {
        bool printed = false;
        for (const CellsPrinter printer : cellsPrinters) {
            if (const auto partCells = printer(type, o, now)) {
                cells = *partCells;
                printed = true;
                break;
            }
        }
        if (!printed)
            cells << name << str(o, {"metadata", "creationTimestamp"});
    }

    QJsonObject row{{QStringLiteral("cells"), cells}};
    if (include == IncludeObject::Metadata) {
        row.insert(QStringLiteral("object"),
                   QJsonObject{{QStringLiteral("kind"), QStringLiteral("PartialObjectMetadata")},
                               {QStringLiteral("apiVersion"), QStringLiteral("meta.k8s.io/v1")},
                               {QStringLiteral("metadata"), o.value(QLatin1String("metadata"))}});
    } else if (include == IncludeObject::Object) {
        row.insert(QStringLiteral("object"), o);
    }
    return row;
}

QJsonObject TablePrinter::table(const ResourceType &type, const QJsonArray &rows,
                                const QJsonObject &listMetadata)
{
    return QJsonObject{{QStringLiteral("kind"), QStringLiteral("Table")},
                       {QStringLiteral("apiVersion"), QStringLiteral("meta.k8s.io/v1")},
                       {QStringLiteral("metadata"), listMetadata},
                       {QStringLiteral("columnDefinitions"), columnDefinitions(type)},
                       {QStringLiteral("rows"), rows}};
}

} // namespace Qluster
