// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "listpage.h"

#include "jsonparse.h"
#include "jsonreader.h"

#include <QJsonArray>
#include <QJsonDocument>


namespace Qluster {

namespace {

int nameColumnOf(const QList<TableColumn> &columns)
{
    for (int i = 0; i < columns.size(); ++i) {
        if (columns.at(i).format == QLatin1String("name"))
            return i;
    }
    return -1;
}

// A row without object (includeObject=None) takes its name from the column whose format is "name".
void nameRowsFromCells(int nameColumn, std::vector<ResourceObject> *rows, qsizetype first)
{
    if (nameColumn < 0)
        return;
    for (auto it = rows->begin() + first; it != rows->end(); ++it) {
        if (it->metadata.name.isEmpty() && nameColumn < it->cells.size()
            && it->cells.at(nameColumn).typeId() == QMetaType::QString)
            it->metadata.name = it->cells.at(nameColumn).toString();
    }
}

} // namespace

QVariant tableCell(const QJsonValue &cell)
{
    switch (cell.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return QVariant();
    case QJsonValue::Bool:
        return cell.toBool();
    case QJsonValue::String:
        return cell.toString();
    case QJsonValue::Double:  // qint64 when written as an integer, else double
    case QJsonValue::Array:   // QVariantList
    case QJsonValue::Object:  // QVariantMap
        break;
    }
    return cell.toVariant();
}

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
    const int nameColumn = nameColumnOf(columns);
    const qsizetype first = qsizetype(out->size());
    const QJsonArray rows = table.value(QLatin1String("rows")).toArray();
    out->reserve(out->size() + rows.size());
    for (const QJsonValue &rv : rows) {
        const QJsonObject row = rv.toObject();
        ResourceObject object;
        const QJsonArray cells = row.value(QLatin1String("cells")).toArray();
        object.cells.reserve(cells.size());
        for (const QJsonValue &cell : cells)
            object.cells.append(tableCell(cell));
        const QJsonObject embedded = row.value(QLatin1String("object")).toObject();
        object.metadata = ObjectMeta::fromJson(embedded.value(QLatin1String("metadata")).toObject());
        out->push_back(std::move(object));
    }
    nameRowsFromCells(nameColumn, out, first);
}

Error decodeStatus(const QJsonObject &status)
{
    return Error::http(status.value(QLatin1String("code")).toInt(),
                       status.value(QLatin1String("reason")).toString(),
                       status.value(QLatin1String("message")).toString());
}

Result<ListPage> decodeListPageDocument(const QByteArray &body, const QString &what)
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

// The direct reader behind readListPage: each function reads one value it expects and fails the
// reader on anything else. Containers read twice keep the last, as QJsonDocument does.

bool readString(JsonReader &r, QString *out)
{
    auto s = r.stringOrNull();
    if (!s)
        return false;
    *out = std::move(*s);
    return true;
}

bool readCell(JsonReader &r, QVariant *cell)
{
    switch (r.peek()) {
    case JsonReader::Type::String: {
        auto s = r.string();
        *cell = s ? QVariant(std::move(*s)) : QVariant();
        return s.has_value();
    }
    case JsonReader::Type::Number: {
        qint64 i = 0;
        double d = 0;
        bool isInteger = false;
        if (!r.number(&i, &d, &isInteger))
            return false;
        *cell = isInteger ? QVariant(i) : QVariant(d);
        return true;
    }
    case JsonReader::Type::Bool: {
        const auto b = r.boolean();
        *cell = b.value_or(false);
        return b.has_value();
    }
    case JsonReader::Type::Null:
        *cell = QVariant();
        return r.null();
    case JsonReader::Type::Array:
    case JsonReader::Type::Object: {
        // Rare (printer columns of structured fields): converted exactly as tableCell does.
        const auto raw = r.skip();
        if (!raw)
            return false;
        const QByteArray wrapped = '[' + raw->toByteArray() + ']';
        *cell = tableCell(QJsonDocument::fromJson(wrapped).array().at(0));
        return true;
    }
    case JsonReader::Type::Invalid:
        break;
    }
    return false;
}

bool readOwnerReference(JsonReader &r, OwnerReference *ref)
{
    return r.members([&](QByteArrayView key) {
        if (key == "apiVersion")
            return readString(r, &ref->apiVersion);
        if (key == "kind")
            return readString(r, &ref->kind);
        if (key == "name")
            return readString(r, &ref->name);
        if (key == "uid")
            return readString(r, &ref->uid);
        if (key == "controller") {
            const auto controller = r.boolean();
            ref->controller = controller.value_or(false);
            return controller.has_value();
        }
        return r.skip().has_value();
    });
}

bool readTimestamp(JsonReader &r, QDateTime *out)
{
    const auto text = r.stringOrNull();
    if (text)
        *out = parseTimestamp(*text);
    return text.has_value();
}

// As ObjectMeta::fromJson.
bool readObjectMeta(JsonReader &r, ObjectMeta *meta)
{
    *meta = ObjectMeta();
    return r.members([&](QByteArrayView key) {
        if (key == "name")
            return readString(r, &meta->name);
        if (key == "namespace")
            return readString(r, &meta->namespaceName);
        if (key == "uid")
            return readString(r, &meta->uid);
        if (key == "resourceVersion")
            return readString(r, &meta->resourceVersion);
        if (key == "creationTimestamp")
            return readTimestamp(r, &meta->creationTimestamp);
        if (key == "deletionTimestamp")
            return readTimestamp(r, &meta->deletionTimestamp);
        if (key == "generation") {
            const auto generation = r.integer();
            meta->generation = generation.value_or(0);
            return generation.has_value();
        }
        if (key == "labels") {
            meta->labels.clear();
            return r.members([&](QByteArrayView label) {
                auto value = r.string();
                if (value)
                    meta->labels.insert(QString::fromUtf8(label), std::move(*value));
                return value.has_value();
            });
        }
        if (key == "ownerReferences") {
            meta->ownerReferences.clear();
            return r.elements([&] {
                OwnerReference ref;
                const bool ok = readOwnerReference(r, &ref);
                meta->ownerReferences.append(std::move(ref));
                return ok;
            });
        }
        return r.skip().has_value();
    });
}

// An object's metadata, the rest skipped (a Table row's object, or a list's item).
bool readObject(JsonReader &r, ObjectMeta *meta)
{
    *meta = ObjectMeta();
    return r.members([&](QByteArrayView key) {
        return key == "metadata" ? readObjectMeta(r, meta) : r.skip().has_value();
    });
}

bool readTableRow(JsonReader &r, qsizetype columns, ResourceObject *row)
{
    return r.members([&](QByteArrayView key) {
        if (key == "cells") {
            row->cells.clear();
            row->cells.reserve(columns);
            return r.elements([&] {
                QVariant cell;
                const bool ok = readCell(r, &cell);
                row->cells.append(std::move(cell));
                return ok;
            });
        }
        if (key == "object") {
            if (r.peek() != JsonReader::Type::Null)
                return readObject(r, &row->metadata);
            row->metadata = ObjectMeta();
            return r.null();
        }
        return r.skip().has_value();
    });
}

bool readColumn(JsonReader &r, TableColumn *column)
{
    return r.members([&](QByteArrayView key) {
        if (key == "name")
            return readString(r, &column->name);
        if (key == "type")
            return readString(r, &column->type);
        if (key == "format")
            return readString(r, &column->format);
        if (key == "description")
            return readString(r, &column->description);
        if (key == "priority") {
            const auto priority = r.integer();
            if (!priority || *priority != int(*priority))
                return false;
            column->priority = int(*priority);
            return true;
        }
        return r.skip().has_value();
    });
}

bool readListMeta(JsonReader &r, ListPage *page)
{
    page->resourceVersion.clear();
    page->continueToken.clear();
    page->remainingItemCount = -1;
    return r.members([&](QByteArrayView key) {
        if (key == "resourceVersion")
            return readString(r, &page->resourceVersion);
        if (key == "continue")
            return readString(r, &page->continueToken);
        if (key == "remainingItemCount") {
            const auto count = r.integer();
            page->remainingItemCount = count.value_or(-1);
            return count.has_value();
        }
        return r.skip().has_value();
    });
}

} // namespace

std::optional<ListPage> readListPage(QByteArrayView body)
{
    JsonReader r(body);
    ListPage page;
    QString kind;
    std::vector<ResourceObject> rows;
    std::vector<ResourceObject> items;
    bool hasItems = false;
    const bool ok = r.members([&](QByteArrayView key) {
        if (key == "kind")
            return readString(r, &kind);
        if (key == "metadata")
            return readListMeta(r, &page);
        if (key == "columnDefinitions") {
            page.columns.clear();
            return r.elements([&] {
                TableColumn column;
                const bool ok = readColumn(r, &column);
                page.columns.append(std::move(column));
                return ok;
            });
        }
        if (key == "rows" || key == "items") {
            const bool isRows = key == "rows";
            std::vector<ResourceObject> &out = isRows ? rows : items;
            hasItems = hasItems || !isRows;
            out.clear();
            return r.elements([&] {
                ResourceObject object;
                const bool ok = isRows ? readTableRow(r, page.columns.size(), &object)
                                       : readObject(r, &object.metadata);
                out.push_back(std::move(object));
                return ok;
            });
        }
        return r.skip().has_value();
    });
    if (!ok || !r.atEnd())
        return std::nullopt;
    if (kind == QLatin1String("Table")) {
        page.isTable = true;
        page.items = std::move(rows);
        nameRowsFromCells(nameColumnOf(page.columns), &page.items, 0);
        return page;
    }
    // Status responses and bodies that are not lists are left to decodeListPageDocument's errors.
    if (kind == QLatin1String("Status") || (!kind.endsWith(QLatin1String("List")) && !hasItems))
        return std::nullopt;
    page.items = std::move(items);
    return page;
}

Result<ListPage> decodeListPage(const QByteArray &body, const QString &what)
{
    if (auto page = readListPage(body))
        return std::move(*page);
    return decodeListPageDocument(body, what);
}

std::optional<QString> peekContinueToken(QByteArrayView body)
{
    // Reads no further than metadata: a prefix of a body fails (nullopt) until the token, or the
    // end of metadata, is in it.
    JsonReader reader(body);
    std::optional<QString> token;
    bool metadataSeen = false;
    reader.members([&](QByteArrayView key) {
        if (key != "metadata")
            return reader.skip().has_value();
        metadataSeen = true;
        reader.members([&](QByteArrayView field) {
            if (field != "continue")
                return reader.skip().has_value();
            token = reader.stringOrNull();
            return false; // found: stop reading
        });
        if (!token && !reader.failed())
            token = QString(); // metadata ended without a continue token
        return false;
    });
    if (token)
        return token;
    // No metadata at all: only a complete object says "no continue token".
    if (!metadataSeen && !reader.failed() && reader.atEnd())
        return QString();
    return std::nullopt;
}

} // namespace Qluster
