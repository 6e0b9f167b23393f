// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "protobufschema.h"

#include <QFile>

#include <optional>

namespace Qluster {

const ProtobufField *ProtobufMessage::field(int number) const
{
    for (const ProtobufField &f : fields) {
        if (f.number == number)
            return &f;
    }
    return nullptr;
}

const ProtobufField *ProtobufMessage::fieldNamed(const QString &jsonName) const
{
    for (const ProtobufField &f : fields) {
        if (f.jsonName == jsonName)
            return &f;
    }
    return nullptr;
}

namespace {

struct Token
{
    QByteArray text;
    int line = 0;
    bool quoted = false;
};

bool isWordChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.';
}

Result<QList<Token>> tokenize(const QByteArray &text)
{
    QList<Token> tokens;
    int line = 1;
    for (qsizetype i = 0; i < text.size();) {
        const char c = text.at(i);
        if (c == '\n') {
            ++line;
            ++i;
        } else if (c == ' ' || c == '\t' || c == '\r') {
            ++i;
        } else if (c == '/' && i + 1 < text.size() && text.at(i + 1) == '/') {
            while (i < text.size() && text.at(i) != '\n')
                ++i;
        } else if (c == '"') {
            const qsizetype end = text.indexOf('"', i + 1);
            if (end < 0 || text.mid(i + 1, end - i - 1).contains('\n'))
                return fail(Error::parse(QStringLiteral("kubernetesapi.proto"), line, 0, QStringLiteral("unterminated string")));
            tokens.append({text.mid(i + 1, end - i - 1), line, true});
            i = end + 1;
        } else if (isWordChar(c)) {
            qsizetype end = i;
            while (end < text.size() && isWordChar(text.at(end)))
                ++end;
            tokens.append({text.mid(i, end - i), line, false});
            i = end;
        } else if (QByteArrayView("{};=<>,[]").contains(c)) {
            tokens.append({QByteArray(1, c), line, false});
            ++i;
        } else {
            return fail(Error::parse(QStringLiteral("kubernetesapi.proto"), line, 0,
                                     QStringLiteral("unexpected character '%1'").arg(QLatin1Char(c))));
        }
    }
    return tokens;
}

std::optional<ProtobufField::Type> scalarType(const QByteArray &name)
{
    static const QHash<QByteArray, ProtobufField::Type> scalars{
        {"string", ProtobufField::Type::String}, {"bytes", ProtobufField::Type::Bytes},
        {"int32", ProtobufField::Type::Int32},   {"int64", ProtobufField::Type::Int64},
        {"bool", ProtobufField::Type::Bool},     {"double", ProtobufField::Type::Double}};
    const auto it = scalars.constFind(name);
    if (it == scalars.constEnd())
        return std::nullopt;
    return *it;
}

class Parser
{
public:
    explicit Parser(QList<Token> tokens) : m_tokens(std::move(tokens)) {}

    Result<void> parse(QHash<QString, ProtobufMessage> *messages, QHash<QString, QString> *kinds)
    {
        while (m_pos < m_tokens.size()) {
            const QByteArray keyword = next().text;
            Result<void> done;
            if (keyword == "package")
                done = parsePackage();
            else if (keyword == "kind")
                done = parseKind();
            else if (keyword == "message")
                done = parseMessage();
            else
                done = error(QStringLiteral("expected package, kind or message, found '%1'").arg(QString::fromUtf8(keyword)));
            if (!done)
                return done;
        }
        // Resolve message types and kinds now that every message is known.
        for (ProtobufMessage &m : m_messages) {
            for (ProtobufField &f : m.fields) {
                if (f.type != ProtobufField::Type::Message)
                    continue;
                if (!m_messages.contains(f.messageName))
                    return fail(Error::parse(QStringLiteral("kubernetesapi.proto"), 0, 0,
                                             QStringLiteral("%1.%2 names the unknown type %3").arg(m.name, f.jsonName, f.messageName)));
            }
        }
        for (const PendingKind &k : std::as_const(m_pendingKinds)) {
            if (!m_messages.contains(k.message))
                return fail(Error::parse(QStringLiteral("kubernetesapi.proto"), k.line, 0,
                                         QStringLiteral("kind %1 has no message").arg(k.message)));
            m_kinds.insert(k.apiVersion + QLatin1Char(' ') + k.message.section(QLatin1Char('.'), -1), k.message);
        }
        *messages = std::move(m_messages);
        *kinds = std::move(m_kinds);
        return {};
    }

private:
    struct PendingKind
    {
        QString apiVersion;
        QString message;
        int line = 0;
    };

    Token next() { return m_pos < m_tokens.size() ? m_tokens.at(m_pos++) : Token{}; }
    const Token &peek() const
    {
        static const Token end;
        return m_pos < m_tokens.size() ? m_tokens.at(m_pos) : end;
    }
    int line() const { return m_pos > 0 && m_pos <= m_tokens.size() ? m_tokens.at(m_pos - 1).line : 0; }

    std::unexpected<Error> error(const QString &message) const
    {
        return fail(Error::parse(QStringLiteral("kubernetesapi.proto"), line(), 0, message));
    }

    Result<void> expect(const char *symbol)
    {
        const Token t = next();
        if (t.quoted || t.text != symbol)
            return error(QStringLiteral("expected '%1', found '%2'").arg(QLatin1String(symbol), QString::fromUtf8(t.text)));
        return {};
    }

    Result<QByteArray> word()
    {
        const Token t = next();
        if (t.quoted || t.text.isEmpty() || !isWordChar(t.text.at(0)))
            return error(QStringLiteral("expected a name, found '%1'").arg(QString::fromUtf8(t.text)));
        return t.text;
    }

    Result<void> parsePackage()
    {
        auto name = word();
        if (!name)
            return fail(name.error());
        m_package = QString::fromUtf8(*name);
        m_apiVersion.clear();
        if (peek().quoted)
            m_apiVersion = QString::fromUtf8(next().text);
        return expect(";");
    }

    Result<void> parseKind()
    {
        auto name = word();
        if (!name)
            return fail(name.error());
        if (m_apiVersion.isEmpty())
            return error(QStringLiteral("kind %1 in a package without an apiVersion").arg(QString::fromUtf8(*name)));
        m_pendingKinds.append({m_apiVersion, m_package + QLatin1Char('.') + QString::fromUtf8(*name), line()});
        return expect(";");
    }

    QString qualify(const QByteArray &type) const
    {
        if (type.startsWith('.'))
            return QString::fromUtf8(type.mid(1));
        if (type.contains('.'))
            return QString::fromUtf8(type);
        return m_package + QLatin1Char('.') + QString::fromUtf8(type);
    }

    Result<void> parseMessage()
    {
        if (m_package.isEmpty())
            return error(QStringLiteral("message before the first package"));
        auto name = word();
        if (!name)
            return fail(name.error());
        ProtobufMessage message;
        message.name = m_package + QLatin1Char('.') + QString::fromUtf8(*name);
        if (m_messages.contains(message.name))
            return error(QStringLiteral("message %1 is defined twice").arg(message.name));
        if (auto open = expect("{"); !open)
            return open;
        while (peek().text != "}" || peek().quoted) {
            if (m_pos >= m_tokens.size())
                return error(QStringLiteral("message %1 is not closed").arg(message.name));
            auto field = parseField();
            if (!field)
                return fail(field.error());
            if (message.field(field->number))
                return error(QStringLiteral("field number %1 is used twice in %2").arg(field->number).arg(message.name));
            if (message.fieldNamed(field->jsonName))
                return error(QStringLiteral("field name %1 is used twice in %2").arg(field->jsonName, message.name));
            message.fields.append(*field);
        }
        next(); // '}'
        m_messages.insert(message.name, message);
        return {};
    }

    Result<ProtobufField> parseField()
    {
        ProtobufField field;
        auto label = word();
        if (!label)
            return fail(label.error());
        QByteArray type;
        if (*label == "map") {
            field.map = true;
            field.repeated = true;
            if (auto r = expect("<"); !r)
                return fail(r.error());
            auto key = word();
            if (!key)
                return fail(key.error());
            if (*key != "string")
                return error(QStringLiteral("only map<string, ...> is supported"));
            if (auto r = expect(","); !r)
                return fail(r.error());
            auto value = word();
            if (!value)
                return fail(value.error());
            type = *value;
            if (auto r = expect(">"); !r)
                return fail(r.error());
        } else if (*label == "optional" || *label == "repeated") {
            field.repeated = *label == "repeated";
            auto t = word();
            if (!t)
                return fail(t.error());
            type = *t;
        } else {
            return error(QStringLiteral("expected optional, repeated or map, found '%1'").arg(QString::fromUtf8(*label)));
        }
        if (const auto scalar = scalarType(type)) {
            field.type = *scalar;
        } else {
            field.type = ProtobufField::Type::Message;
            field.messageName = qualify(type);
        }
        auto name = word();
        if (!name)
            return fail(name.error());
        field.jsonName = QString::fromUtf8(*name);
        if (auto r = expect("="); !r)
            return fail(r.error());
        auto number = word();
        if (!number)
            return fail(number.error());
        bool ok = false;
        field.number = number->toInt(&ok);
        if (!ok || field.number < 1 || field.number > (1 << 29) - 1)
            return error(QStringLiteral("invalid field number '%1'").arg(QString::fromUtf8(*number)));
        if (peek().text == "[" && !peek().quoted) {
            next();
            for (;;) {
                auto option = word();
                if (!option)
                    return fail(option.error());
                if (*option == "emitzero" && field.type != ProtobufField::Type::Message && !field.repeated)
                    field.emitZero = true;
                else if (*option == "inline" && field.type == ProtobufField::Type::Message && !field.repeated)
                    field.inlined = true;
                else
                    return error(QStringLiteral("option '%1' does not apply to %2").arg(QString::fromUtf8(*option), field.jsonName));
                const Token t = next();
                if (t.text == "]" && !t.quoted)
                    break;
                if (t.text != "," || t.quoted)
                    return error(QStringLiteral("expected ',' or ']' in the options of %1").arg(field.jsonName));
            }
        }
        if (auto r = expect(";"); !r)
            return fail(r.error());
        return field;
    }

    QList<Token> m_tokens;
    qsizetype m_pos = 0;
    QString m_package;
    QString m_apiVersion;
    QList<PendingKind> m_pendingKinds;
    QHash<QString, ProtobufMessage> m_messages;
    QHash<QString, QString> m_kinds;
};

} // namespace

Result<ProtobufSchema> ProtobufSchema::parse(const QByteArray &text)
{
    auto tokens = tokenize(text);
    if (!tokens)
        return fail(tokens.error());
    ProtobufSchema schema;
    Parser parser(std::move(*tokens));
    if (auto parsed = parser.parse(&schema.m_messages, &schema.m_kinds); !parsed)
        return fail(parsed.error());
    return schema;
}

const Result<ProtobufSchema> &ProtobufSchema::kubernetes()
{
    static const Result<ProtobufSchema> schema = []() -> Result<ProtobufSchema> {
        QFile file(QStringLiteral(":/sandbox/kubernetesapi.proto"));
        if (!file.open(QIODevice::ReadOnly))
            return fail(Error::io(file.fileName(), file.errorString()));
        return parse(file.readAll());
    }();
    return schema;
}

const ProtobufMessage *ProtobufSchema::message(const QString &fullName) const
{
    const auto it = m_messages.constFind(fullName);
    return it == m_messages.constEnd() ? nullptr : &*it;
}

QString ProtobufSchema::messageForKind(const QString &apiVersion, const QString &kind) const
{
    return m_kinds.value(apiVersion + QLatin1Char(' ') + kind);
}

QStringList ProtobufSchema::messageNames() const
{
    QStringList names = m_messages.keys();
    names.sort();
    return names;
}

QStringList ProtobufSchema::kinds() const
{
    QStringList kinds;
    for (auto it = m_kinds.constBegin(); it != m_kinds.constEnd(); ++it)
        kinds << QString(it.key()).replace(QLatin1Char(' '), QLatin1Char('/'));
    kinds.sort();
    return kinds;
}

} // namespace Qluster
