// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "yamljson.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>

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

// go-yaml v2's resolve table: the plain scalars that are not strings by their spelling alone.
const QHash<QString, QJsonValue> &resolveTable()
{
    static const QHash<QString, QJsonValue> table = [] {
        QHash<QString, QJsonValue> t;
        for (const char *word : {"", "~", "null", "Null", "NULL"})
            t.insert(QLatin1String(word), QJsonValue(QJsonValue::Null));
        for (const char *word : {"y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"})
            t.insert(QLatin1String(word), true);
        for (const char *word : {"n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF"})
            t.insert(QLatin1String(word), false);
        const double inf = std::numeric_limits<double>::infinity();
        for (const char *word : {".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF"})
            t.insert(QLatin1String(word), inf);
        for (const char *word : {"-.inf", "-.Inf", "-.INF"})
            t.insert(QLatin1String(word), -inf);
        for (const char *word : {".nan", ".NaN", ".NAN"})
            t.insert(QLatin1String(word), std::numeric_limits<double>::quiet_NaN());
        return t;
    }();
    return table;
}

// The text of a mapping key as sigs.k8s.io/yaml gives it to JSON: a plain key that resolves to a
// boolean, null or number becomes that value's text (`n: 3` is {"false": 3}, `0x10: a` {"16": "a"}).
QString jsonKey(const QString &text, bool plain)
{
    if (!plain)
        return text;
    const QJsonValue v = resolveYamlScalar(text);
    switch (v.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double: {
        const double d = v.toDouble();
        if (std::isnan(d))
            return QStringLiteral(".nan");
        if (std::isinf(d))
            return d > 0 ? QStringLiteral(".inf") : QStringLiteral("-.inf");
        if (std::floor(d) == d && std::fabs(d) < 9007199254740992.0)
            return QString::number(v.toInteger(static_cast<qint64>(d)));
        return QString::number(d, 'g', QLocale::FloatingPointShortest);
    }
    default:
        return text;
    }
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
        const bool numberTag = node.Tag() == "tag:yaml.org,2002:int" || node.Tag() == "tag:yaml.org,2002:float";
        const QJsonValue v = resolveYamlScalar(text);
        if (numberTag && !v.isDouble())
            throw ConversionError{node.Mark(), QStringLiteral("\"%1\" is not a number").arg(text)};
        // JSON has no infinity or NaN: sigs.k8s.io/yaml fails on them the same way.
        if (v.isDouble() && !std::isfinite(v.toDouble()))
            throw ConversionError{node.Mark(), QStringLiteral("unsupported value: %1").arg(text)};
        return v;
    }
    case YAML::NodeType::Sequence: {
        QJsonArray array;
        for (auto it = node.begin(); it != node.end(); ++it) {
            const YAML::Node item = *it;
            array.append(convert(item, depth + 1));
        }
        return array;
    }
    case YAML::NodeType::Map: {
        QJsonObject object;
        QList<QJsonObject> merged; // "<<" merge keys (YAML 1.1, supported by go-yaml v2)
        for (auto it = node.begin(); it != node.end(); ++it) {
            // Copies: yaml-cpp's iterator proxy (and the nodes it holds) dies with each expression.
            const YAML::Node keyNode = it->first;
            const YAML::Node valueNode = it->second;
            if (keyNode.IsScalar() && keyNode.Scalar() == "<<" && keyNode.Tag() == "?") {
                const QJsonValue value = convert(valueNode, depth + 1);
                const QJsonArray sources = value.isArray() ? value.toArray() : QJsonArray{value};
                for (const QJsonValue &source : sources) {
                    if (!source.isObject())
                        throw ConversionError{valueNode.Mark(),
                                              QStringLiteral("map merge requires map or sequence of maps as the value")};
                    merged.append(source.toObject());
                }
                continue;
            }
            QString key;
            if (keyNode.IsScalar()) {
                key = jsonKey(QString::fromStdString(keyNode.Scalar()), keyNode.Tag() == "?");
            } else if (keyNode.IsNull()) {
                key = QStringLiteral("null");
            } else {
                throw ConversionError{keyNode.Mark(),
                                      QStringLiteral("a mapping key must be a scalar in JSON")};
            }
            if (object.contains(key))
                throw ConversionError{keyNode.Mark(),
                                      QStringLiteral("mapping key \"%1\" already defined").arg(key)};
            object.insert(key, convert(valueNode, depth + 1));
        }
        // Explicit keys win over merged ones; earlier merge sources win over later ones.
        for (const QJsonObject &source : std::as_const(merged)) {
            for (auto m = source.constBegin(); m != source.constEnd(); ++m) {
                if (!object.contains(m.key()))
                    object.insert(m.key(), m.value());
            }
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

bool plainSafe(const QString &text)
{
    if (text.isEmpty() || !resolveYamlScalar(text).isString() || text == QLatin1String("<<"))
        return false;
    if (text.front().isSpace() || text.back().isSpace() || text.endsWith(QLatin1Char(':')))
        return false;
    static const QString indicators = QStringLiteral("-?:,[]{}#&*!|>'\"%@`");
    const QChar first = text.front();
    if (indicators.contains(first)) {
        // "-foo", "?x", ":x" are plain in YAML 1.2, but keep them quoted like go-yaml does.
        return false;
    }
    for (const QChar c : text) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f || c == QChar(0xfeff))
            return false;
    }
    return !text.contains(QLatin1String(": ")) && !text.contains(QLatin1String(" #"))
           && !text.contains(QLatin1String(":\t"));
}

QString doubleQuoted(const QString &text)
{
    QString out = QStringLiteral("\"");
    for (const QChar c : text) {
        switch (c.unicode()) {
        case '"': out += QStringLiteral("\\\""); break;
        case '\\': out += QStringLiteral("\\\\"); break;
        case '\n': out += QStringLiteral("\\n"); break;
        case '\t': out += QStringLiteral("\\t"); break;
        case '\r': out += QStringLiteral("\\r"); break;
        default:
            if (c.unicode() < 0x20 || c.unicode() == 0x7f || c == QChar(0xfeff))
                out += QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
            else
                out += c;
        }
    }
    return out + QLatin1Char('"');
}

QString scalarText(const QString &text)
{
    if (plainSafe(text))
        return text;
    for (const QChar c : text) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f || c == QChar(0xfeff))
            return doubleQuoted(text);
    }
    QString quoted = text;
    quoted.replace(QLatin1Char('\''), QStringLiteral("''"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

// A literal block keeps multi-line text readable; only used when it reads back unchanged.
bool literalSafe(const QString &text)
{
    if (!text.contains(QLatin1Char('\n')) || text.startsWith(QLatin1Char(' ')) || text.startsWith(QLatin1Char('\n')))
        return false;
    for (const QString &line : text.split(QLatin1Char('\n'))) {
        if (line.endsWith(QLatin1Char(' ')) || line.endsWith(QLatin1Char('\t')))
            return false;
    }
    for (const QChar c : text) {
        if ((c.unicode() < 0x20 && c != QLatin1Char('\n')) || c.unicode() == 0x7f || c == QChar(0xfeff))
            return false;
    }
    return true;
}

QString numberText(const QJsonValue &value)
{
    // Integers keep all 64 bits (QJsonValue holds a qint64 exactly); others go through double.
    constexpr qint64 notIntegral = std::numeric_limits<qint64>::min();
    if (const qint64 i = value.toInteger(notIntegral); i != notIntegral)
        return QString::number(i);
    const double d = value.toDouble();
    if (std::isfinite(d) && std::floor(d) == d && std::fabs(d) < 9007199254740992.0)
        return QString::number(static_cast<qint64>(d));
    if (!std::isfinite(d))
        return std::isnan(d) ? QStringLiteral(".nan") : (d > 0 ? QStringLiteral(".inf") : QStringLiteral("-.inf"));
    return QString::number(d, 'g', QLocale::FloatingPointShortest);
}

bool isEmptyContainer(const QJsonValue &v)
{
    return (v.isObject() && v.toObject().isEmpty()) || (v.isArray() && v.toArray().isEmpty());
}

// emitValue writes a block (object or list) whose lines start at indent; emitInline writes a
// value after "key:" or "-" on the current line, indent being where a nested block would start.
void emitValue(QString &out, const QJsonValue &value, int indent);

void emitInline(QString &out, const QJsonValue &value, int indent)
{
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        out += QStringLiteral(" null\n");
        return;
    case QJsonValue::Bool:
        out += value.toBool() ? QStringLiteral(" true\n") : QStringLiteral(" false\n");
        return;
    case QJsonValue::Double:
        out += QLatin1Char(' ') + numberText(value) + QLatin1Char('\n');
        return;
    case QJsonValue::String: {
        const QString text = value.toString();
        if (!literalSafe(text)) {
            out += QLatin1Char(' ') + scalarText(text) + QLatin1Char('\n');
            return;
        }
        QString body = text;
        QString chomp;
        if (!body.endsWith(QLatin1Char('\n'))) {
            chomp = QStringLiteral("-");
        } else if (body.endsWith(QLatin1String("\n\n"))) {
            chomp = QStringLiteral("+");
        }
        if (body.endsWith(QLatin1Char('\n')))
            body.chop(1);
        out += QStringLiteral(" |") + chomp + QLatin1Char('\n');
        const QString pad(indent, QLatin1Char(' '));
        for (const QString &line : body.split(QLatin1Char('\n')))
            out += (line.isEmpty() ? QString() : pad + line) + QLatin1Char('\n');
        return;
    }
    case QJsonValue::Array:
    case QJsonValue::Object:
        if (isEmptyContainer(value)) {
            out += value.isArray() ? QStringLiteral(" []\n") : QStringLiteral(" {}\n");
            return;
        }
        out += QLatin1Char('\n');
        emitValue(out, value, indent);
        return;
    }
}

void emitValue(QString &out, const QJsonValue &value, int indent)
{
    const QString pad(indent, QLatin1Char(' '));
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
            out += pad + scalarText(it.key()) + QLatin1Char(':');
            // kubectl style: a list under a key starts at the key's own indentation.
            emitInline(out, it.value(), it.value().isArray() ? indent : indent + 2);
        }
        return;
    }
    if (value.isArray()) {
        for (const QJsonValue &item : value.toArray()) {
            if ((item.isObject() || item.isArray()) && !isEmptyContainer(item)) {
                // The first line of a nested block goes right after "- ".
                QString nested;
                emitValue(nested, item, indent + 2);
                out += pad + QStringLiteral("- ") + nested.mid(indent + 2);
            } else {
                out += pad + QLatin1Char('-');
                emitInline(out, item, indent + 2);
            }
        }
        return;
    }
    // A scalar document.
    QString line;
    emitInline(line, value, indent);
    out += line.mid(1);
}

} // namespace

QJsonValue resolveYamlScalar(const QString &text)
{
    const QHash<QString, QJsonValue> &table = resolveTable();
    if (const auto it = table.constFind(text); it != table.constEnd())
        return *it;
    const QChar first = text.at(0);
    if (!(first.isDigit() || first == QLatin1Char('-') || first == QLatin1Char('+')
          || first == QLatin1Char('.')))
        return text;

    // go-yaml v2 drops "_" digit separators and lets strconv pick the base from the prefix
    // (ParseInt with base 0: 0x/0X, 0o/0O, 0b/0B, a leading 0 for octal).
    static const QRegularExpression intRe(QStringLiteral(
        "^([-+]?)(0[xX][0-9a-fA-F_]+|0[oO][0-7_]+|0[bB][01_]+|0[0-7_]+|[0-9][0-9_]*)$"));
    static const QRegularExpression floatRe(
        QStringLiteral("^[-+]?(\\.[0-9_]+|[0-9][0-9_]*(\\.[0-9_]*)?)([eE][-+]?[0-9]+)?$"));
    const auto intMatch = intRe.match(text);
    if (intMatch.hasMatch()) {
        QString digits = intMatch.captured(2);
        digits.remove(QLatin1Char('_'));
        int base = 10;
        const QString prefix = digits.left(2).toLower();
        if (prefix == QLatin1String("0x")) {
            base = 16;
            digits = digits.mid(2);
        } else if (prefix == QLatin1String("0o")) {
            base = 8;
            digits = digits.mid(2);
        } else if (prefix == QLatin1String("0b")) {
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

Result<QJsonValue> yamlNodeToJson(const YAML::Node &node, const QString &file)
{
    try {
        return convert(node, 0);
    } catch (const ConversionError &e) {
        return fail(parseError(file, e.mark, e.message));
    } catch (const YAML::Exception &e) {
        return fail(parseError(file, e.mark, QString::fromStdString(e.msg)));
    }
}

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
    QString out;
    if (isEmptyContainer(value))
        out = value.isArray() ? QStringLiteral("[]\n") : QStringLiteral("{}\n");
    else
        emitValue(out, value, 0);
    return out.toUtf8();
}

} // namespace Qluster
