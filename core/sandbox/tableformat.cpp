// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "tableformat.h"

#include "tableprinter.h"

#include <QStringList>

namespace Qluster::TableFormat {

namespace {

// "key=value" of each label, in key order.
QStringList labelPairs(const QJsonObject &labels)
{
    QStringList parts;
    for (auto it = labels.begin(); it != labels.end(); ++it)
        parts << it.key() + QLatin1Char('=') + it.value().toString();
    return parts;
}

} // namespace

QJsonObject column(const QString &name, const QString &type, const QString &format,
                   const QString &description, int priority)
{
    return QJsonObject{{QStringLiteral("name"), name},
                       {QStringLiteral("type"), type},
                       {QStringLiteral("format"), format},
                       {QStringLiteral("description"), description},
                       {QStringLiteral("priority"), priority}};
}

QJsonArray columns(std::initializer_list<Col> cols)
{
    QJsonArray a;
    for (const Col &c : cols) {
        a.append(column(QLatin1String(c.name), QLatin1String(c.type), QLatin1String(c.format),
                        QLatin1String(c.description), c.priority));
    }
    return a;
}

QJsonValue at(const QJsonObject &o, std::initializer_list<const char *> path)
{
    QJsonValue v = o;
    for (const char *p : path)
        v = v.toObject().value(QLatin1String(p));
    return v;
}

QString str(const QJsonObject &o, std::initializer_list<const char *> path)
{
    return at(o, path).toString();
}

int num(const QJsonObject &o, std::initializer_list<const char *> path)
{
    return at(o, path).toInt();
}

QString orNone(const QString &s)
{
    return s.isEmpty() ? QStringLiteral("<none>") : s;
}

QString sinceTime(const QString &ts, const QDateTime &now)
{
    const QDateTime t = QDateTime::fromString(ts, Qt::ISODate);
    return t.isValid() ? TablePrinter::humanDuration(t.secsTo(now)) : QStringLiteral("<unknown>");
}

QString age(const QJsonObject &o, const QDateTime &now)
{
    return sinceTime(str(o, {"metadata", "creationTimestamp"}), now);
}

QString selectorText(const QJsonObject &selector)
{
    QStringList parts = labelPairs(selector.value(QLatin1String("matchLabels")).toObject());
    for (const QJsonValue &e : selector.value(QLatin1String("matchExpressions")).toArray()) {
        const QJsonObject x = e.toObject();
        QStringList values;
        for (const QJsonValue &v : x.value(QLatin1String("values")).toArray())
            values << v.toString();
        const QString op = x.value(QLatin1String("operator")).toString();
        const QString key = x.value(QLatin1String("key")).toString();
        if (op == QLatin1String("Exists"))
            parts << key;
        else if (op == QLatin1String("DoesNotExist"))
            parts << QLatin1Char('!') + key;
        else
            parts << key + QLatin1Char(' ') + op.toLower() + QStringLiteral(" (")
                         + values.join(QLatin1Char(',')) + QLatin1Char(')');
    }
    return orNone(parts.join(QLatin1Char(',')));
}

QString mapSelectorText(const QJsonObject &labels)
{
    return orNone(labelPairs(labels).join(QLatin1Char(',')));
}

QString intOrStringText(const QJsonValue &v)
{
    return v.isDouble() ? QString::number(v.toInt()) : v.toString();
}

} // namespace Qluster::TableFormat
