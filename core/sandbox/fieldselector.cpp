// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "fieldselector.h"

#include <QStringList>

namespace Qluster {

Result<FieldSelector> FieldSelector::parse(const QString &text, const QString &kind)
{
    FieldSelector selector;
    if (text.trimmed().isEmpty())
        return selector;
    for (const QString &rawPart : text.split(QLatin1Char(','))) {
        const QString part = rawPart.trimmed();
        Requirement req;
        int pos = part.indexOf(QLatin1String("!="));
        int len = 2;
        if (pos >= 0) {
            req.negated = true;
        } else if ((pos = part.indexOf(QLatin1String("=="))) >= 0) {
            len = 2;
        } else if ((pos = part.indexOf(QLatin1Char('='))) >= 0) {
            len = 1;
        } else {
            return fail(Error::invalid(
                QStringLiteral("invalid selector: '%1'; can't understand '%2'").arg(text, part)));
        }
        req.field = part.left(pos).trimmed();
        req.value = part.mid(pos + len).trimmed();
        QStringList supported{QStringLiteral("metadata.name"), QStringLiteral("metadata.namespace")};
        if (kind == QLatin1String("Pod"))
            supported << QStringLiteral("status.phase") << QStringLiteral("spec.nodeName");
        if (kind == QLatin1String("Event"))
            supported << QStringLiteral("involvedObject.name") << QStringLiteral("involvedObject.kind")
                      << QStringLiteral("involvedObject.uid") << QStringLiteral("involvedObject.namespace")
                      << QStringLiteral("involvedObject.apiVersion") << QStringLiteral("involvedObject.resourceVersion")
                      << QStringLiteral("involvedObject.fieldPath") << QStringLiteral("reason")
                      << QStringLiteral("reportingComponent") << QStringLiteral("source") << QStringLiteral("type");
        if (kind == QLatin1String("Secret"))
            supported << QStringLiteral("type");
        if (!supported.contains(req.field))
            return fail(Error::invalid(QStringLiteral("field label not supported: %1").arg(req.field)));
        selector.m_requirements << req;
    }
    return selector;
}

QString FieldSelector::fieldValue(const QJsonObject &object, const QString &field)
{
    QJsonValue v = object;
    for (const QString &part : field.split(QLatin1Char('.')))
        v = v.toObject().value(part);
    return v.toString();
}

bool FieldSelector::matches(const QJsonObject &object) const
{
    for (const Requirement &req : m_requirements) {
        const bool equal = fieldValue(object, req.field) == req.value;
        if (equal == req.negated)
            return false;
    }
    return true;
}

} // namespace Qluster
