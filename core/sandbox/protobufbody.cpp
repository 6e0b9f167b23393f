// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "protobufbody.h"

#include "protobufschema.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMap>
#include <QtEndian>

#include <cmath>
#include <cstring>
#include <optional>

namespace Qluster {

namespace {

// Wire types of the protobuf encoding (https://protobuf.dev/programming-guides/encoding/).
enum WireType { Varint = 0, Fixed64 = 1, LengthDelimited = 2, StartGroup = 3, EndGroup = 4, Fixed32 = 5 };

const QString kRuntime = QStringLiteral("k8s.io.apimachinery.pkg.runtime.");
const QString kMeta = QStringLiteral("k8s.io.apimachinery.pkg.apis.meta.v1.");

Error malformed(const QString &message)
{
    return Error::parse(QString(), 0, 0, QStringLiteral("malformed protobuf body: ") + message);
}

Error unsupported(const QString &message)
{
    return Error::invalid(message);
}

QString sendJsonHint()
{
    return QStringLiteral("send the object as JSON instead (for example with kubectl create -f)");
}

struct WireField
{
    int number = 0;
    int wireType = 0;
    quint64 value = 0; ///< varint or fixed64 value
    QByteArray bytes; ///< length-delimited payload
};

// Reads varints and fields from one message's bytes; every read is bounds-checked.
class WireReader
{
public:
    explicit WireReader(const QByteArray &data) : m_data(data) {}

    bool atEnd() const { return m_pos >= m_data.size(); }

    Result<quint64> varint()
    {
        quint64 value = 0;
        for (int i = 0; i < 10; ++i) {
            if (m_pos >= m_data.size())
                return fail(malformed(QStringLiteral("truncated varint at byte %1").arg(m_pos)));
            const quint8 b = quint8(m_data.at(m_pos++));
            if (i == 9 && b > 1)
                return fail(malformed(QStringLiteral("varint longer than 64 bits at byte %1").arg(m_pos - 1)));
            value |= quint64(b & 0x7f) << (7 * i);
            if (!(b & 0x80))
                return value;
        }
        return fail(malformed(QStringLiteral("varint longer than 10 bytes at byte %1").arg(m_pos)));
    }

    Result<WireField> next()
    {
        const qsizetype start = m_pos;
        auto key = varint();
        if (!key)
            return fail(key.error());
        WireField field;
        field.wireType = int(*key & 7);
        const quint64 number = *key >> 3;
        if (number == 0 || number > (1u << 29) - 1)
            return fail(malformed(QStringLiteral("invalid field number %1 at byte %2").arg(number).arg(start)));
        field.number = int(number);
        switch (field.wireType) {
        case Varint: {
            auto v = varint();
            if (!v)
                return fail(v.error());
            field.value = *v;
            break;
        }
        case Fixed64:
            if (m_data.size() - m_pos < 8)
                return fail(malformed(QStringLiteral("truncated 64-bit value of field %1").arg(field.number)));
            std::memcpy(&field.value, m_data.constData() + m_pos, 8); // little-endian on the wire
            field.value = qFromLittleEndian(field.value);
            m_pos += 8;
            break;
        case Fixed32: {
            if (m_data.size() - m_pos < 4)
                return fail(malformed(QStringLiteral("truncated 32-bit value of field %1").arg(field.number)));
            quint32 v = 0;
            std::memcpy(&v, m_data.constData() + m_pos, 4);
            field.value = qFromLittleEndian(v);
            m_pos += 4;
            break;
        }
        case LengthDelimited: {
            auto length = varint();
            if (!length)
                return fail(length.error());
            if (*length > quint64(m_data.size() - m_pos))
                return fail(malformed(QStringLiteral("field %1 claims %2 bytes but only %3 remain")
                                          .arg(field.number)
                                          .arg(*length)
                                          .arg(m_data.size() - m_pos)));
            field.bytes = m_data.mid(m_pos, qsizetype(*length));
            m_pos += qsizetype(*length);
            break;
        }
        default:
            return fail(malformed(QStringLiteral("unsupported wire type %1 of field %2").arg(field.wireType).arg(field.number)));
        }
        return field;
    }

private:
    const QByteArray &m_data;
    qsizetype m_pos = 0;
};

Result<QList<WireField>> readFields(const QByteArray &bytes)
{
    QList<WireField> fields;
    WireReader reader(bytes);
    while (!reader.atEnd()) {
        auto field = reader.next();
        if (!field)
            return fail(field.error());
        fields.append(std::move(*field));
    }
    return fields;
}

const char *wireTypeName(int wireType)
{
    switch (wireType) {
    case Varint:
        return "varint";
    case Fixed64:
        return "64-bit";
    case LengthDelimited:
        return "length-delimited";
    case Fixed32:
        return "32-bit";
    default:
        return "group";
    }
}

int wireTypeOf(ProtobufField::Type type)
{
    switch (type) {
    case ProtobufField::Type::Int32:
    case ProtobufField::Type::Int64:
    case ProtobufField::Type::Bool:
        return Varint;
    case ProtobufField::Type::Double:
        return Fixed64;
    default:
        return LengthDelimited;
    }
}

bool isZero(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::String:
        return v.toString().isEmpty();
    case QJsonValue::Double:
        return v.toDouble() == 0;
    case QJsonValue::Bool:
        return !v.toBool();
    default:
        return false;
    }
}

// "2006-01-02T15:04:05Z" (metav1.Time) or "2006-01-02T15:04:05.000000Z" (metav1.MicroTime).
Result<QJsonValue> timeValue(const QJsonObject &o, bool micro, const QString &message)
{
    if (!o.contains(QLatin1String("seconds")) && !o.contains(QLatin1String("nanos")))
        return QJsonValue(QJsonValue::Undefined); // the zero time: omitted, like null
    const qint64 seconds = o.value(QLatin1String("seconds")).toInteger();
    const qint64 nanos = o.value(QLatin1String("nanos")).toInteger();
    // Timestamp's documented range: 0001-01-01T00:00:00Z to 9999-12-31T23:59:59Z.
    if (seconds < -62135596800LL || seconds > 253402300799LL || nanos < 0 || nanos > 999999999)
        return fail(malformed(QStringLiteral("%1 out of range (seconds %2, nanos %3)").arg(message).arg(seconds).arg(nanos)));
    const QDateTime t = QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC);
    QString text = t.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss"));
    if (micro)
        text += QStringLiteral(".%1").arg(nanos / 1000, 6, 10, QLatin1Char('0'));
    return QJsonValue(text + QLatin1Char('Z'));
}

// time.Duration.String() of Go, which metav1.Duration uses as its JSON form: "1h2m3.5s", "1.5ms".
QString goDuration(qint64 d)
{
    if (d == 0)
        return QStringLiteral("0s");
    const bool negative = d < 0;
    quint64 u = negative ? quint64(0) - quint64(d) : quint64(d);
    // The fraction of u / 10^precision without trailing zeros ("" when it is zero); u keeps the
    // integer part.
    auto fraction = [&u](int precision) {
        QString digits;
        bool print = false;
        for (int i = 0; i < precision; ++i) {
            const int digit = int(u % 10);
            print = print || digit != 0;
            if (print)
                digits.prepend(QLatin1Char(char('0' + digit)));
            u /= 10;
        }
        return print ? QLatin1Char('.') + digits : QString();
    };
    QString text;
    if (u < 1000000000ULL) {
        int precision = 0;
        QString unit;
        if (u < 1000ULL) {
            unit = QStringLiteral("ns");
        } else if (u < 1000000ULL) {
            precision = 3;
            unit = QString(QChar(0x00B5)) + QLatin1Char('s');
        } else {
            precision = 6;
            unit = QStringLiteral("ms");
        }
        const QString f = fraction(precision);
        text = QString::number(u) + f + unit;
    } else {
        const QString f = fraction(9);
        text = QString::number(u % 60) + f + QLatin1Char('s');
        u /= 60;
        if (u > 0) {
            text = QString::number(u % 60) + QLatin1Char('m') + text;
            u /= 60;
            if (u > 0)
                text = QString::number(u) + QLatin1Char('h') + text;
        }
    }
    return negative ? QLatin1Char('-') + text : text;
}

Result<QJsonValue> embeddedJson(const QJsonObject &o, const QString &key, const QString &message)
{
    const QByteArray raw = QByteArray::fromBase64(o.value(key).toString().toLatin1());
    if (raw.isEmpty())
        return QJsonValue(QJsonValue::Null);
    QJsonParseError error;
    // Wrapping accepts any JSON value, not only objects and arrays.
    const QJsonDocument doc = QJsonDocument::fromJson("[" + raw + "]", &error);
    if (error.error != QJsonParseError::NoError || doc.array().size() != 1)
        return fail(unsupported(QStringLiteral("%1 holds data that is not JSON; %2").arg(message, sendJsonHint())));
    return doc.array().at(0);
}

// The JSON form of the Kubernetes messages that do not serialize as objects.
Result<QJsonValue> specialValue(const QString &messageName, const QJsonObject &o)
{
    if (messageName == QLatin1String("k8s.io.apimachinery.pkg.util.intstr.IntOrString")) {
        const qint64 type = o.value(QLatin1String("type")).toInteger();
        if (type == 0)
            return QJsonValue(o.value(QLatin1String("intVal")).toInt());
        if (type == 1)
            return QJsonValue(o.value(QLatin1String("strVal")).toString());
        return fail(malformed(QStringLiteral("IntOrString of unknown type %1").arg(type)));
    }
    if (messageName == QLatin1String("k8s.io.apimachinery.pkg.api.resource.Quantity")) {
        if (!o.contains(QLatin1String("string")))
            return QJsonValue(QStringLiteral("0")); // the zero Quantity
        const QString text = o.value(QLatin1String("string")).toString();
        if (text.isEmpty())
            return fail(malformed(QStringLiteral("empty resource.Quantity")));
        return QJsonValue(text);
    }
    if (messageName == kMeta + QLatin1String("Time"))
        return timeValue(o, false, messageName);
    if (messageName == kMeta + QLatin1String("MicroTime"))
        return timeValue(o, true, messageName);
    if (messageName == kMeta + QLatin1String("Duration"))
        return QJsonValue(goDuration(o.value(QLatin1String("duration")).toInteger()));
    if (messageName == kRuntime + QLatin1String("RawExtension"))
        return embeddedJson(o, QStringLiteral("raw"), messageName);
    if (messageName == kMeta + QLatin1String("FieldsV1"))
        return embeddedJson(o, QStringLiteral("Raw"), messageName);
    // authentication/v1 ExtraValue is a []string in Go; protobuf wraps it in a message.
    if (messageName == QLatin1String("k8s.io.api.authentication.v1.ExtraValue"))
        return o.contains(QLatin1String("items")) ? o.value(QLatin1String("items")) : QJsonValue(QJsonArray{});
    return QJsonValue(o);
}

class Decoder
{
public:
    explicit Decoder(const ProtobufSchema &schema) : m_schema(schema) {}

    Result<QJsonValue> decode(const QString &messageName, const QByteArray &bytes, const QString &path, int depth)
    {
        const ProtobufMessage *message = m_schema.message(messageName);
        if (!message)
            return fail(unsupported(QStringLiteral("protobuf message %1 is not supported by the sandbox; %2").arg(messageName, sendJsonHint())));
        // The schema has no recursive messages; the limit guards against a broken schema.
        if (depth > 64)
            return fail(malformed(QStringLiteral("messages nested more than 64 deep at %1").arg(path)));
        auto wire = readFields(bytes);
        if (!wire)
            return fail(inMessage(wire.error(), *message, path));
        // Occurrences of each field in wire order; proto semantics: the last scalar wins, the
        // pieces of a message field are merged (parsing their concatenation), repeated fields
        // append.
        QMap<int, QList<WireField>> byNumber;
        for (WireField &w : *wire) {
            if (!message->field(w.number)) {
                return fail(unsupported(QStringLiteral("protobuf field %1 of %2%3 is not supported by the sandbox; %4")
                                            .arg(w.number)
                                            .arg(message->name, at(path), sendJsonHint())));
            }
            byNumber[w.number].append(std::move(w));
        }
        QJsonObject object;
        for (auto it = byNumber.cbegin(); it != byNumber.cend(); ++it) {
            const ProtobufField &field = *message->field(it.key());
            // An inline field's name is not part of the JSON path: its fields are the parent's.
            const QString fieldPath = field.inlined ? path
                                      : path.isEmpty() ? field.jsonName
                                                       : path + QLatin1Char('.') + field.jsonName;
            auto value = decodeField(*message, field, it.value(), fieldPath, depth);
            if (!value)
                return fail(value.error());
            if (field.inlined) {
                const QJsonObject inner = value->toObject();
                for (auto i = inner.begin(); i != inner.end(); ++i)
                    object.insert(i.key(), i.value());
            } else if (!value->isUndefined()) {
                object.insert(field.jsonName, *value);
            }
        }
        return specialValue(messageName, object);
    }

private:
    static QString at(const QString &path) { return path.isEmpty() ? QString() : QStringLiteral(" (at %1)").arg(path); }

    static Error inMessage(Error error, const ProtobufMessage &message, const QString &path)
    {
        error.message += QStringLiteral(" in %1%2").arg(message.name, at(path));
        return error;
    }

    static Error wrongWireType(const ProtobufMessage &message, const ProtobufField &field, int wireType, const QString &path)
    {
        return malformed(QStringLiteral("field %1 (%2) of %3%4 has wire type %5, expected %6")
                             .arg(field.number)
                             .arg(field.jsonName, message.name, at(path), QLatin1String(wireTypeName(wireType)),
                                  QLatin1String(wireTypeName(wireTypeOf(field.type)))));
    }

    // A scalar from a varint, a 64-bit value or a length-delimited payload.
    static Result<QJsonValue> scalar(ProtobufField::Type type, quint64 value, const QByteArray &bytes)
    {
        switch (type) {
        case ProtobufField::Type::String:
            return QJsonValue(QString::fromUtf8(bytes));
        case ProtobufField::Type::Bytes:
            return QJsonValue(QString::fromLatin1(bytes.toBase64()));
        case ProtobufField::Type::Int32:
            return QJsonValue(qint32(qint64(value))); // negative int32 are sign-extended to 64 bits
        case ProtobufField::Type::Int64:
            return QJsonValue(qint64(value));
        case ProtobufField::Type::Bool:
            return QJsonValue(value != 0);
        case ProtobufField::Type::Double: {
            double d = 0;
            std::memcpy(&d, &value, sizeof d);
            if (!std::isfinite(d))
                return fail(malformed(QStringLiteral("a double that JSON cannot represent")));
            return QJsonValue(d);
        }
        case ProtobufField::Type::Message:
            break;
        }
        return fail(malformed(QStringLiteral("a message where a scalar was expected")));
    }

    // The elements of a packed repeated scalar field.
    static Result<QJsonArray> packed(ProtobufField::Type type, const QByteArray &bytes)
    {
        QJsonArray values;
        if (type == ProtobufField::Type::Double) {
            if (bytes.size() % 8 != 0)
                return fail(malformed(QStringLiteral("packed doubles of %1 bytes").arg(bytes.size())));
            for (qsizetype i = 0; i < bytes.size(); i += 8) {
                quint64 v = 0;
                std::memcpy(&v, bytes.constData() + i, 8);
                auto value = scalar(type, qFromLittleEndian(v), {});
                if (!value)
                    return fail(value.error());
                values.append(*value);
            }
            return values;
        }
        WireReader reader(bytes);
        while (!reader.atEnd()) {
            auto v = reader.varint();
            if (!v)
                return fail(v.error());
            auto value = scalar(type, *v, {});
            if (!value)
                return fail(value.error());
            values.append(*value);
        }
        return values;
    }

    Result<QJsonValue> element(const ProtobufMessage &message, const ProtobufField &field, ProtobufField::Type type,
                               const WireField &w, const QString &path, int depth)
    {
        if (type == ProtobufField::Type::Message) {
            if (w.wireType != LengthDelimited)
                return fail(wrongWireType(message, field, w.wireType, path));
            return decode(field.messageName, w.bytes, path, depth + 1);
        }
        if (w.wireType != wireTypeOf(type))
            return fail(wrongWireType(message, field, w.wireType, path));
        return scalar(type, w.value, w.bytes);
    }

    Result<QJsonValue> mapEntries(const ProtobufMessage &message, const ProtobufField &field, const QList<WireField> &entries,
                                  const QString &path, int depth)
    {
        QJsonObject map;
        for (const WireField &entry : entries) {
            if (entry.wireType != LengthDelimited)
                return fail(wrongWireType(message, field, entry.wireType, path));
            auto parts = readFields(entry.bytes);
            if (!parts)
                return fail(inMessage(parts.error(), message, path));
            QString key;
            std::optional<WireField> valueField;
            for (const WireField &part : *parts) {
                if (part.number == 1) {
                    if (part.wireType != LengthDelimited)
                        return fail(malformed(QStringLiteral("map key of %1 is not a string").arg(path)));
                    key = QString::fromUtf8(part.bytes);
                } else if (part.number == 2) {
                    valueField = part;
                } else {
                    return fail(malformed(QStringLiteral("map entry of %1 has field %2").arg(path).arg(part.number)));
                }
            }
            const QString entryPath = path + QLatin1Char('[') + key + QLatin1Char(']');
            QJsonValue value;
            if (valueField) {
                auto v = element(message, field, field.type, *valueField, entryPath, depth);
                if (!v)
                    return fail(v.error());
                value = *v;
            } else if (field.type == ProtobufField::Type::Message) {
                auto v = decode(field.messageName, {}, entryPath, depth + 1);
                if (!v)
                    return fail(v.error());
                value = *v;
            } else {
                value = scalar(field.type, 0, {}).value_or(QJsonValue());
            }
            map.insert(key, value.isUndefined() ? QJsonValue(QJsonValue::Null) : value);
        }
        return QJsonValue(map);
    }

    Result<QJsonValue> decodeField(const ProtobufMessage &message, const ProtobufField &field, const QList<WireField> &occurrences,
                                   const QString &path, int depth)
    {
        if (field.map)
            return mapEntries(message, field, occurrences, path, depth);
        if (field.repeated) {
            QJsonArray values;
            for (const WireField &w : occurrences) {
                const QString elementPath = path + QStringLiteral("[%1]").arg(values.size());
                if (field.type != ProtobufField::Type::Message && field.type != ProtobufField::Type::String
                    && field.type != ProtobufField::Type::Bytes && w.wireType == LengthDelimited) {
                    auto elements = packed(field.type, w.bytes);
                    if (!elements)
                        return fail(inMessage(elements.error(), message, path));
                    for (const QJsonValue &v : *elements)
                        values.append(v);
                    continue;
                }
                auto value = element(message, field, field.type, w, elementPath, depth);
                if (!value)
                    return fail(value.error());
                values.append(value->isUndefined() ? QJsonValue(QJsonValue::Null) : *value);
            }
            return QJsonValue(values);
        }
        if (field.type == ProtobufField::Type::Message) {
            QByteArray merged;
            for (const WireField &w : occurrences) {
                if (w.wireType != LengthDelimited)
                    return fail(wrongWireType(message, field, w.wireType, path));
                merged += w.bytes;
            }
            return decode(field.messageName, merged, path, depth + 1);
        }
        auto value = element(message, field, field.type, occurrences.last(), path, depth);
        if (!value)
            return fail(value.error());
        if (!field.emitZero && isZero(*value))
            return QJsonValue(QJsonValue::Undefined);
        return value;
    }

    const ProtobufSchema &m_schema;
};

} // namespace

Result<QJsonValue> decodeProtobufMessage(const ProtobufSchema &schema, const QString &messageName, const QByteArray &bytes)
{
    return Decoder(schema).decode(messageName, bytes, QString(), 0);
}

Result<QJsonObject> decodeProtobufBody(const QByteArray &body, const ProtobufSchema &schema)
{
    // https://kubernetes.io/docs/reference/using-api/api-concepts/#protobuf-encoding: a 4-byte
    // magic number, then a runtime.Unknown whose raw field holds the object.
    static const QByteArray magic("k8s\0", 4);
    if (!body.startsWith(magic))
        return fail(malformed(QStringLiteral("the body does not start with the \"k8s\\0\" envelope")));
    auto envelope = decodeProtobufMessage(schema, kRuntime + QLatin1String("Unknown"), body.mid(4));
    if (!envelope)
        return fail(envelope.error());
    const QJsonObject unknown = envelope->toObject();
    const QJsonObject typeMeta = unknown.value(QLatin1String("typeMeta")).toObject();
    const QString apiVersion = typeMeta.value(QLatin1String("apiVersion")).toString();
    const QString kind = typeMeta.value(QLatin1String("kind")).toString();
    if (apiVersion.isEmpty() || kind.isEmpty())
        return fail(malformed(QStringLiteral("the envelope names no apiVersion and kind")));
    const QString contentEncoding = unknown.value(QLatin1String("contentEncoding")).toString();
    if (!contentEncoding.isEmpty())
        return fail(unsupported(QStringLiteral("protobuf content encoding \"%1\" is not supported by the sandbox; %2").arg(contentEncoding, sendJsonHint())));
    const QString contentType = unknown.value(QLatin1String("contentType")).toString();
    if (!contentType.isEmpty() && contentType != QLatin1String("application/vnd.kubernetes.protobuf"))
        return fail(unsupported(QStringLiteral("an envelope of content type \"%1\" is not supported by the sandbox; %2").arg(contentType, sendJsonHint())));
    const QString messageName = schema.messageForKind(apiVersion, kind);
    if (messageName.isEmpty())
        return fail(unsupported(QStringLiteral("protobuf bodies of %1 %2 are not supported by the sandbox; %3").arg(apiVersion, kind, sendJsonHint())));
    const QByteArray raw = QByteArray::fromBase64(unknown.value(QLatin1String("raw")).toString().toLatin1());
    auto decoded = decodeProtobufMessage(schema, messageName, raw);
    if (!decoded)
        return fail(decoded.error());
    QJsonObject object = decoded->toObject();
    object.insert(QStringLiteral("apiVersion"), apiVersion);
    object.insert(QStringLiteral("kind"), kind);
    return object;
}

Result<QJsonObject> decodeProtobufBody(const QByteArray &body)
{
    const Result<ProtobufSchema> &schema = ProtobufSchema::kubernetes();
    if (!schema)
        return fail(Error::invalid(QStringLiteral("the sandbox's protobuf schema did not load: ") + schema.error().toString()));
    return decodeProtobufBody(body, *schema);
}

} // namespace Qluster
