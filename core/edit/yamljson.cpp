// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "yamljson.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

#include <yaml-cpp/yaml.h>

#include <cmath>
#include <limits>

namespace Qluster {

namespace {

// Thrown inside the conversion only and caught in this file, like yaml-cpp's own exceptions.
struct ConversionError
{
    YAML::Mark mark;
    QString message;
};

QJsonValue resolvePlain(const QString &text)
{
    static const QSet<QString> nulls{QStringLiteral(""), QStringLiteral("~"), QStringLiteral("null"),
                                     QStringLiteral("Null"), QStringLiteral("NULL")};
    static const QSet<QString> trues{QStringLiteral("true"), QStringLiteral("True"),
                                     QStringLiteral("TRUE"), QStringLiteral("yes"),
                                     QStringLiteral("Yes"), QStringLiteral("YES"),
                                     QStringLiteral("on"), QStringLiteral("On"),
                                     QStringLiteral("ON"), QStringLiteral("y"), QStringLiteral("Y")};
    static const QSet<QString> falses{QStringLiteral("false"), QStringLiteral("False"),
                                      QStringLiteral("FALSE"), QStringLiteral("no"),
                                      QStringLiteral("No"), QStringLiteral("NO"),
                                      QStringLiteral("off"), QStringLiteral("Off"),
                                      QStringLiteral("OFF"), QStringLiteral("n"), QStringLiteral("N")};
    if (nulls.contains(text))
        return QJsonValue(QJsonValue::Null);
    if (trues.contains(text))
        return true;
    if (falses.contains(text))
        return false;

    const QChar first = text.at(0);
    if (!(first.isDigit() || first == QLatin1Char('-') || first == QLatin1Char('+')
          || first == QLatin1Char('.')))
        return text;

    // go-yaml v2 drops "_" digit separators and lets strconv pick the base from the prefix.
    static const QRegularExpression intRe(
        QStringLiteral("^([-+]?)(0x[0-9a-fA-F_]+|0o[0-7_]+|0b[01_]+|0[0-7_]+|[0-9][0-9_]*)$"));
    static const QRegularExpression floatRe(
        QStringLiteral("^[-+]?(\\.[0-9_]+|[0-9][0-9_]*(\\.[0-9_]*)?)([eE][-+]?[0-9]+)?$"));
    const auto intMatch = intRe.match(text);
    if (intMatch.hasMatch()) {
        QString digits = intMatch.captured(2);
        digits.remove(QLatin1Char('_'));
        int base = 10;
        if (digits.startsWith(QLatin1String("0x"))) {
            base = 16;
            digits = digits.mid(2);
        } else if (digits.startsWith(QLatin1String("0o"))) {
            base = 8;
            digits = digits.mid(2);
        } else if (digits.startsWith(QLatin1String("0b"))) {
            base = 2;
            digits = digits.mid(2);
        } else if (digits.size() > 1 && digits.startsWith(QLatin1Char('0'))) {
            base = 8;
        }
        bool ok = false;
        const qint64 n = digits.toLongLong(&ok, base);
        if (ok && !digits.isEmpty())
            return intMatch.captured(1) == QLatin1String("-") ? -n : n;
        // Too large for int64: fall through to a floating-point number like go-yaml does.
    }
    if (floatRe.match(text).hasMatch()) {
        QString cleaned = text;
        cleaned.remove(QLatin1Char('_'));
        bool ok = false;
        const double d = cleaned.toDouble(&ok);
        if (ok)
            return d;
    }
    return text;
}

QJsonValue convert(const YAML::Node &node, int depth)
{
    if (depth > 1000)
        throw ConversionError{node.Mark(), QStringLiteral("document nested too deeply")};
    switch (node.Type()) {
    case YAML::NodeType::Undefined:
    case YAML::NodeType::Null:
        return QJsonValue(QJsonValue::Null);
    case YAML::NodeType::Scalar: {
        const QString text = QString::fromStdString(node.Scalar());
        // yaml-cpp tags non-plain (quoted, literal, folded) scalars with "!".
        if (node.Tag() == "!" || node.Tag() == "tag:yaml.org,2002:str")
            return text;
        if (node.Tag() == "tag:yaml.org,2002:int" || node.Tag() == "tag:yaml.org,2002:float") {
            const QJsonValue v = resolvePlain(text);
            if (!v.isDouble())
                throw ConversionError{node.Mark(), QStringLiteral("\"%1\" is not a number").arg(text)};
            return v;
        }
        return resolvePlain(text);
    }
    case YAML::NodeType::Sequence: {
        QJsonArray array;
        for (const YAML::Node &item : node)
            array.append(convert(item, depth + 1));
        return array;
    }
    case YAML::NodeType::Map: {
        QJsonObject object;
        for (auto it = node.begin(); it != node.end(); ++it) {
            const YAML::Node &keyNode = it->first;
            QString key;
            if (keyNode.IsScalar()) {
                key = QString::fromStdString(keyNode.Scalar());
            } else if (keyNode.IsNull()) {
                key = QStringLiteral("null");
            } else {
                throw ConversionError{keyNode.Mark(),
                                      QStringLiteral("a mapping key must be a scalar in JSON")};
            }
            if (object.contains(key))
                throw ConversionError{keyNode.Mark(),
                                      QStringLiteral("mapping key \"%1\" already defined").arg(key)};
            object.insert(key, convert(it->second, depth + 1));
        }
        return object;
    }
    }
    return QJsonValue(QJsonValue::Null);
}

Error parseError(const QString &file, const YAML::Mark &mark, const QString &message)
{
    const bool known = !mark.is_null();
    return Error::parse(file, known ? mark.line + 1 : 0, known ? mark.column + 1 : 0, message);
}

void emitValue(YAML::Emitter &out, const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        out << YAML::Null;
        break;
    case QJsonValue::Bool:
        out << value.toBool();
        break;
    case QJsonValue::Double: {
        const double d = value.toDouble();
        if (std::isfinite(d) && std::floor(d) == d && std::fabs(d) < 9007199254740992.0)
            out << static_cast<long long>(value.toInteger(static_cast<qint64>(d)));
        else
            out << QByteArray::number(d, 'g', QLocale::FloatingPointShortest).toStdString();
        break;
    }
    case QJsonValue::String: {
        const QString text = value.toString();
        if (text.contains(QLatin1Char('\n')) && !text.startsWith(QLatin1Char(' ')))
            out << YAML::Literal;
        else if (text.isEmpty() || !resolvePlain(text).isString())
            out << YAML::DoubleQuoted;
        out << text.toStdString();
        break;
    }
    case QJsonValue::Array: {
        const QJsonArray array = value.toArray();
        if (array.isEmpty()) {
            out << YAML::Flow << YAML::BeginSeq << YAML::EndSeq;
            break;
        }
        out << YAML::BeginSeq;
        for (const QJsonValue &item : array)
            emitValue(out, item);
        out << YAML::EndSeq;
        break;
    }
    case QJsonValue::Object: {
        const QJsonObject object = value.toObject();
        if (object.isEmpty()) {
            out << YAML::Flow << YAML::BeginMap << YAML::EndMap;
            break;
        }
        out << YAML::BeginMap;
        for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
            out << YAML::Key;
            if (it.key().isEmpty() || !resolvePlain(it.key()).isString())
                out << YAML::DoubleQuoted;
            out << it.key().toStdString() << YAML::Value;
            emitValue(out, it.value());
        }
        out << YAML::EndMap;
        break;
    }
    }
}

} // namespace

Result<QList<QJsonValue>> yamlDocumentsToJson(const QByteArray &yaml, const QString &file)
{
    QList<QJsonValue> documents;
    try {
        const std::vector<YAML::Node> nodes = YAML::LoadAll(yaml.toStdString());
        for (const YAML::Node &node : nodes) {
            if (node.IsNull() || !node.IsDefined())
                continue;
            documents.append(convert(node, 0));
        }
    } catch (const ConversionError &e) {
        return fail(parseError(file, e.mark, e.message));
    } catch (const YAML::Exception &e) {
        return fail(parseError(file, e.mark, QString::fromStdString(e.msg)));
    } catch (const std::exception &e) {
        return fail(Error::parse(file, 0, 0, QString::fromUtf8(e.what())));
    }
    return documents;
}

Result<QJsonValue> yamlToJson(const QByteArray &yaml, const QString &file)
{
    auto documents = yamlDocumentsToJson(yaml, file);
    if (!documents)
        return fail(documents.error());
    if (documents->isEmpty())
        return QJsonValue(QJsonValue::Null);
    if (documents->size() > 1)
        return fail(Error::parse(file, 0, 0,
                                 QStringLiteral("expected one YAML document, found %1")
                                     .arg(documents->size())));
    return documents->first();
}

QByteArray jsonToYaml(const QJsonValue &value)
{
    YAML::Emitter out;
    out.SetIndent(2);
    emitValue(out, value);
    QByteArray bytes(out.c_str(), static_cast<qsizetype>(out.size()));
    if (!bytes.endsWith('\n'))
        bytes.append('\n');
    return bytes;
}

} // namespace Qluster
