// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "listpage.h"

#include "jsonparse.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <cstring>

namespace Qluster {

QList<TableColumn> decodeTableColumns(const QJsonValue &columnDefinitions)
{
    QList<TableColumn> columns;
    const QJsonArray defs = columnDefinitions.toArray();
    columns.reserve(defs.size());
    for (const QJsonValue &dv : defs) {
        const QJsonObject d = dv.toObject();
        TableColumn c;
        c.name = d.value(QLatin1String("name")).toString();
        c.type = d.value(QLatin1String("type")).toString();
        c.format = d.value(QLatin1String("format")).toString();
        c.description = d.value(QLatin1String("description")).toString();
        c.priority = d.value(QLatin1String("priority")).toInt();
        columns.append(c);
    }
    return columns;
}

void decodeTableRows(const QJsonObject &table, const QList<TableColumn> &columns,
                     std::vector<ResourceObject> *out)
{
    int nameColumn = -1;
    for (int i = 0; i < columns.size(); ++i) {
        if (columns.at(i).format == QLatin1String("name")) {
            nameColumn = i;
            break;
        }
    }
    const QJsonArray rows = table.value(QLatin1String("rows")).toArray();
    out->reserve(out->size() + rows.size());
    for (const QJsonValue &rv : rows) {
        const QJsonObject row = rv.toObject();
        ResourceObject object;
        object.cells = row.value(QLatin1String("cells")).toArray();
        const QJsonObject embedded = row.value(QLatin1String("object")).toObject();
        object.metadata = ObjectMeta::fromJson(embedded.value(QLatin1String("metadata")).toObject());
        if (object.metadata.name.isEmpty() && nameColumn >= 0 && nameColumn < object.cells.size())
            object.metadata.name = object.cells.at(nameColumn).toString();
        out->push_back(std::move(object));
    }
}

Error decodeStatus(const QJsonObject &status)
{
    return Error::http(status.value(QLatin1String("code")).toInt(),
                       status.value(QLatin1String("reason")).toString(),
                       status.value(QLatin1String("message")).toString());
}

Result<ListPage> decodeListPage(const QByteArray &body, const QString &what)
{
    auto root = parseJsonObject(body, what);
    if (!root)
        return fail(root.error());
    const QString kind = root->value(QLatin1String("kind")).toString();
    if (kind == QLatin1String("Status"))
        return fail(decodeStatus(*root));
    ListPage page;
    const QJsonObject meta = root->value(QLatin1String("metadata")).toObject();
    page.resourceVersion = meta.value(QLatin1String("resourceVersion")).toString();
    page.continueToken = meta.value(QLatin1String("continue")).toString();
    if (meta.contains(QLatin1String("remainingItemCount")))
        page.remainingItemCount = meta.value(QLatin1String("remainingItemCount")).toInteger();
    if (kind == QLatin1String("Table")) {
        page.isTable = true;
        page.columns = decodeTableColumns(root->value(QLatin1String("columnDefinitions")));
        decodeTableRows(*root, page.columns, &page.items);
        return page;
    }
    if (!kind.endsWith(QLatin1String("List")) && !root->contains(QLatin1String("items")))
        return fail(Error::parse(what, 0, 0, QStringLiteral("not a list or Table (kind %1)").arg(kind)));
    const QJsonArray items = root->value(QLatin1String("items")).toArray();
    page.items.reserve(items.size());
    for (const QJsonValue &iv : items) {
        ResourceObject object;
        object.metadata = ObjectMeta::fromJson(iv.toObject().value(QLatin1String("metadata")).toObject());
        page.items.push_back(std::move(object));
    }
    return page;
}

namespace {

// A forward-only scanner over JSON text that skips values without building them.
class JsonScanner
{
public:
    explicit JsonScanner(QByteArrayView text) : m_p(text.data()), m_end(text.data() + text.size()) {}

    bool atEnd() { skipSpace(); return m_p == m_end; }
    bool consume(char c)
    {
        skipSpace();
        if (m_p == m_end || *m_p != c)
            return false;
        ++m_p;
        return true;
    }
    // The raw text of a string (between its quotes, escapes left as they are).
    std::optional<QByteArrayView> string()
    {
        skipSpace();
        if (m_p == m_end || *m_p != '"')
            return std::nullopt;
        const char *begin = ++m_p;
        if (!skipStringBody())
            return std::nullopt;
        return QByteArrayView(begin, m_p - 1 - begin);
    }
    bool skipValue()
    {
        skipSpace();
        if (m_p == m_end)
            return false;
        if (*m_p == '"')
            return string().has_value();
        if (*m_p != '{' && *m_p != '[') {
            while (m_p != m_end && *m_p != ',' && *m_p != '}' && *m_p != ']' && !isSpace(*m_p))
                ++m_p;
            return true;
        }
        int depth = 0;
        while (m_p != m_end) {
            const char c = *m_p++;
            if (c == '"') {
                if (!skipStringBody())
                    return false;
            } else if (c == '{' || c == '[') {
                ++depth;
            } else if ((c == '}' || c == ']') && --depth == 0) {
                return true;
            }
        }
        return false;
    }

private:
    static bool isSpace(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }
    void skipSpace()
    {
        while (m_p != m_end && isSpace(*m_p))
            ++m_p;
    }
    // After an opening quote: moves past the closing one.
    bool skipStringBody()
    {
        while (true) {
            const auto *quote = static_cast<const char *>(std::memchr(m_p, '"', size_t(m_end - m_p)));
            if (!quote)
                return false;
            qsizetype backslashes = 0;
            for (const char *b = quote - 1; b >= m_p && *b == '\\'; --b)
                ++backslashes;
            m_p = quote + 1;
            if (backslashes % 2 == 0)
                return true;
        }
    }

    const char *m_p;
    const char *m_end;
};

QString unescapeJsonString(QByteArrayView raw)
{
    if (!raw.contains('\\'))
        return QString::fromUtf8(raw);
    const QByteArray array = '[' + QByteArray('"' + raw.toByteArray() + '"') + ']';
    return QJsonDocument::fromJson(array).array().at(0).toString();
}

} // namespace

std::optional<QString> peekContinueToken(QByteArrayView body)
{
    JsonScanner scan(body);
    if (!scan.consume('{'))
        return std::nullopt;
    if (scan.consume('}'))
        return QString();
    do {
        const auto key = scan.string();
        if (!key || !scan.consume(':'))
            return std::nullopt;
        if (*key != "metadata") {
            if (!scan.skipValue())
                return std::nullopt;
            continue;
        }
        if (!scan.consume('{'))
            return std::nullopt;
        if (scan.consume('}'))
            return QString();
        do {
            const auto field = scan.string();
            if (!field || !scan.consume(':'))
                return std::nullopt;
            if (*field == "continue") {
                const auto token = scan.string();
                if (!token)
                    return std::nullopt;
                return unescapeJsonString(*token);
            }
            if (!scan.skipValue())
                return std::nullopt;
        } while (scan.consume(','));
        return scan.consume('}') ? std::optional<QString>(QString()) : std::nullopt;
    } while (scan.consume(','));
    // No metadata at all: only a complete object says "no continue token".
    return scan.consume('}') ? std::optional<QString>(QString()) : std::nullopt;
}

} // namespace Qluster
