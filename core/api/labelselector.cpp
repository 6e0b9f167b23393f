// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "labelselector.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace Qluster {

namespace {

// Splits on commas that are not inside parentheses ("a in (x,y),b" has two requirements).
QStringList splitTopLevel(const QString &text)
{
    QStringList parts;
    int depth = 0;
    QString current;
    for (QChar c : text) {
        if (c == QLatin1Char('('))
            ++depth;
        else if (c == QLatin1Char(')'))
            --depth;
        if (c == QLatin1Char(',') && depth == 0) {
            parts << current;
            current.clear();
        } else {
            current += c;
        }
    }
    parts << current;
    return parts;
}

bool isValidKey(const QString &key)
{
    if (key.isEmpty() || key.size() > 316)
        return false;
    for (QChar c : key) {
        if (!(c.isLetterOrNumber() || c == QLatin1Char('-') || c == QLatin1Char('_')
              || c == QLatin1Char('.') || c == QLatin1Char('/')))
            return false;
    }
    return true;
}

Error selectorError(const QString &text, const QString &why)
{
    return Error::invalid(QStringLiteral("unable to parse requirement: %1: %2").arg(text, why));
}

} // namespace

Result<LabelSelector> LabelSelector::parse(const QString &text)
{
    LabelSelector selector;
    if (text.trimmed().isEmpty())
        return selector;
    for (const QString &rawPart : splitTopLevel(text)) {
        const QString part = rawPart.trimmed();
        if (part.isEmpty())
            return fail(selectorError(text, QStringLiteral("empty requirement")));
        Requirement req;
        const QRegularExpression setRe(
            QStringLiteral("^([^\\s!=()]+)\\s+(in|notin)\\s*\\(([^()]*)\\)$"));
        const auto setMatch = setRe.match(part);
        if (setMatch.hasMatch()) {
            req.key = setMatch.captured(1);
            req.op = setMatch.captured(2) == QLatin1String("in") ? Op::In : Op::NotIn;
            for (const QString &v : setMatch.captured(3).split(QLatin1Char(',')))
                req.values << v.trimmed();
        } else if (part.startsWith(QLatin1Char('!'))) {
            req.key = part.mid(1).trimmed();
            req.op = Op::DoesNotExist;
        } else {
            int opPos = -1;
            int opLen = 0;
            if ((opPos = part.indexOf(QLatin1String("!="))) >= 0) {
                req.op = Op::NotEquals;
                opLen = 2;
            } else if ((opPos = part.indexOf(QLatin1String("=="))) >= 0) {
                req.op = Op::Equals;
                opLen = 2;
            } else if ((opPos = part.indexOf(QLatin1Char('='))) >= 0) {
                req.op = Op::Equals;
                opLen = 1;
            }
            if (opPos < 0) {
                req.key = part;
                req.op = Op::Exists;
            } else {
                req.key = part.left(opPos).trimmed();
                req.values << part.mid(opPos + opLen).trimmed();
                if (req.values.first().contains(QLatin1Char('='))
                    || req.values.first().contains(QLatin1Char(' ')))
                    return fail(selectorError(text, QStringLiteral("invalid value")));
            }
        }
        if (!isValidKey(req.key))
            return fail(selectorError(text, QStringLiteral("invalid label key \"%1\"").arg(req.key)));
        selector.m_requirements << req;
    }
    return selector;
}

Result<LabelSelector> LabelSelector::fromObject(const QJsonObject &object)
{
    LabelSelector selector;
    const QJsonObject matchLabels = object.value(QLatin1String("matchLabels")).toObject();
    for (auto it = matchLabels.begin(); it != matchLabels.end(); ++it)
        selector.m_requirements << Requirement{it.key(), Op::Equals, {it.value().toString()}};
    for (const QJsonValue &v : object.value(QLatin1String("matchExpressions")).toArray()) {
        const QJsonObject e = v.toObject();
        Requirement req;
        req.key = e.value(QLatin1String("key")).toString();
        for (const QJsonValue &value : e.value(QLatin1String("values")).toArray())
            req.values << value.toString();
        const QString op = e.value(QLatin1String("operator")).toString();
        if (op == QLatin1String("In"))
            req.op = Op::In;
        else if (op == QLatin1String("NotIn"))
            req.op = Op::NotIn;
        else if (op == QLatin1String("Exists"))
            req.op = Op::Exists;
        else if (op == QLatin1String("DoesNotExist"))
            req.op = Op::DoesNotExist;
        else
            return fail(Error::invalid(QStringLiteral("\"%1\" is not a valid label selector operator").arg(op)));
        if (!isValidKey(req.key))
            return fail(Error::invalid(QStringLiteral("invalid label key \"%1\"").arg(req.key)));
        if ((req.op == Op::In || req.op == Op::NotIn) && req.values.isEmpty())
            return fail(Error::invalid(QStringLiteral("for 'in', 'notin' operators, values set can't be empty")));
        selector.m_requirements << req;
    }
    return selector;
}

bool LabelSelector::matches(const QJsonObject &labels) const
{
    for (const Requirement &req : m_requirements) {
        const auto it = labels.constFind(req.key);
        const bool has = it != labels.constEnd();
        const QString value = has ? it->toString() : QString();
        switch (req.op) {
        case Op::Equals:
            if (!has || value != req.values.value(0))
                return false;
            break;
        case Op::NotEquals:
            if (has && value == req.values.value(0))
                return false;
            break;
        case Op::In:
            if (!has || !req.values.contains(value))
                return false;
            break;
        case Op::NotIn:
            if (has && req.values.contains(value))
                return false;
            break;
        case Op::Exists:
            if (!has)
                return false;
            break;
        case Op::DoesNotExist:
            if (has)
                return false;
            break;
        }
    }
    return true;
}

} // namespace Qluster
